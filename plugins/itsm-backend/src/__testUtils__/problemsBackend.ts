import { startTestBackend } from '@backstage/backend-test-utils';
import {
  BackendFeature,
  coreServices,
  createBackendModule,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { itsmPlugin } from '../plugin';

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const entities = [
  entity('Component', 'payments-api'),
  entity('Component', 'ledger'),
  entity('Component', 'search'),
  entity('Group', 'sre'),
];

/** Hands the test the itsm plugin's own database. */
export function databaseSpy() {
  let database: DatabaseService | undefined;
  const module = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-database-spy',
    register(reg) {
      reg.registerInit({
        deps: { db: coreServices.database },
        async init({ db }) {
          database = db;
        },
      });
    },
  });
  return { module, database: () => database! };
}

/** The itsm backend with three services and a group in the catalog. */
export async function startBackend(...extra: BackendFeature[]) {
  const { server } = await startTestBackend({
    features: [itsmPlugin, catalogServiceMock.factory({ entities }), ...extra],
  });
  return server;
}

/** An incident report for payments-api. */
export const report = (overrides: object = {}) => ({
  title: 'Card payments failing',
  description: 'Acquirer returns 502',
  affectedServices: ['component:default/payments-api'],
  category: 'availability',
  impact: 'medium',
  urgency: 'medium',
  ...overrides,
});
