import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  itsmOnCallProvidersExtensionPoint,
  OnCallProvider,
} from '@openitsm/backstage-plugin-itsm-node';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import pagerDutyModule from './index';
import serviceFixture from './__fixtures__/service.json';
import oncallsFixture from './__fixtures__/oncalls.json';

const server = setupServer();
registerMswTestHooks(server);

/** Stands in for itsm-backend: owns the extension point, records providers. */
function recordingItsmPlugin(providers: OnCallProvider[]) {
  return createBackendPlugin({
    pluginId: 'itsm',
    register(env) {
      env.registerExtensionPoint(itsmOnCallProvidersExtensionPoint, {
        addProvider: (...added) => providers.push(...added),
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

const alice: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice', namespace: 'default' },
  spec: { profile: { email: 'alice.martin@example.com' } },
};

async function startWith(config: object) {
  const providers: OnCallProvider[] = [];
  await startTestBackend({
    features: [
      recordingItsmPlugin(providers),
      pagerDutyModule,
      mockServices.rootConfig.factory({ data: config }),
      catalogServiceMock.factory({ entities: [alice] }),
    ],
  });
  return providers;
}

describe('itsm-backend-module-pagerduty', () => {
  it('registers the PagerDuty provider, wired to the configured API and the catalog', async () => {
    const providers = await startWith({
      itsm: {
        pagerduty: {
          token: 'module-test-token',
          apiBaseUrl: 'https://api.eu.pagerduty.com/',
        },
      },
    });
    expect(providers.map(p => p.id)).toEqual(['pagerduty']);

    let authorization: string | null = null;
    server.use(
      http.get(
        'https://api.eu.pagerduty.com/services/PSVC0A1',
        ({ request }) => {
          authorization = request.headers.get('authorization');
          return HttpResponse.json(serviceFixture);
        },
      ),
      http.get('https://api.eu.pagerduty.com/oncalls', () =>
        HttpResponse.json(oncallsFixture),
      ),
    );
    const answer = await providers[0].getOnCall({
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'payments-api',
          annotations: { 'pagerduty.com/service-id': 'PSVC0A1' },
        },
      },
      at: '2026-11-23T10:00:00.000Z',
    });
    expect(authorization).toBe('Token token=module-test-token');
    expect(answer?.levels[0].people[0]).toMatchObject({
      userRef: 'user:default/alice',
      displayName: 'alice',
    });
  });

  it('registers nothing without a token', async () => {
    const providers = await startWith({ itsm: {} });
    expect(providers).toEqual([]);
  });
});
