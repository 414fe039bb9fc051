/**
 * @jest-environment node
 */
import { loadConfigSchema } from '@backstage/config-loader';

// What a platform team may write in app-config: a custom matrix (every cell
// of two rows, one cell of the third), custom categories, and a backend-only
// key that must never reach the browser.
const appConfig = {
  app: { baseUrl: 'http://localhost:3000' },
  backend: { baseUrl: 'http://localhost:7007' },
  itsm: {
    priorityMatrix: {
      high: { high: 'P1', medium: 'P1', low: 'P2' },
      medium: { high: 'P2', medium: 'P3', low: 'P4' },
      low: { low: 'P4' },
    },
    categories: ['availability', 'latency', 'security'],
    sla: { warningPercent: 80 },
  },
};

describe('frontend config of the ITSM plugin', () => {
  // Collecting and compiling every config.d.ts of a package's dependency
  // tree takes seconds.
  jest.setTimeout(120_000);

  it('reaches the browser of an app that installs only the frontend plugin', async () => {
    // What `backstage-cli package build` does for packages/app.
    const schema = await loadConfigSchema({ dependencies: ['app'] });
    const [frontend] = schema.process([{ data: appConfig, context: 'test' }], {
      visibility: ['frontend'],
    });

    expect(frontend.data.itsm).toEqual({
      priorityMatrix: appConfig.itsm.priorityMatrix,
      categories: appConfig.itsm.categories,
    });
  });

  it('agrees with the backend declaration of the same keys', async () => {
    // Both packages declare itsm.priorityMatrix and itsm.categories; an app
    // with both merges the declarations, which must not conflict.
    const schema = await loadConfigSchema({
      dependencies: [
        '@openitsm/backstage-plugin-itsm',
        '@openitsm/backstage-plugin-itsm-backend',
      ],
      excludePackageDependencies: true,
    });
    const process = (visibility?: Array<'frontend' | 'backend' | 'secret'>) =>
      schema.process([{ data: appConfig, context: 'test' }], { visibility })[0]
        .data;

    expect(process(['frontend']).itsm).toEqual({
      priorityMatrix: appConfig.itsm.priorityMatrix,
      categories: appConfig.itsm.categories,
    });
    expect(process(['frontend', 'backend']).itsm).toEqual(appConfig.itsm);
    expect(() =>
      schema.process(
        [
          {
            data: {
              ...appConfig,
              itsm: { priorityMatrix: { high: { high: 'P9' } } },
            },
            context: 'test',
          },
        ],
        { visibility: ['frontend'] },
      ),
    ).toThrow(/itsm\/priorityMatrix\/high\/high/);
  });
});
