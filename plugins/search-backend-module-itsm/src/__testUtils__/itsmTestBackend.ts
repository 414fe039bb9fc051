import {
  createBackendModule,
  createBackendPlugin,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
// The tests run the collators against the ITSM backend itself
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import itsmPlugin from '@openitsm/backstage-plugin-itsm-backend';
import {
  ItsmRecordsService,
  itsmDataLoadersExtensionPoint,
} from '@openitsm/backstage-plugin-itsm-node';
import { searchModuleItsmCollator } from '../module';

const entity = (kind: string, name: string, spec: object = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec,
});

const entities = [
  entity('Component', 'payments-api', { owner: 'group:default/payments-team' }),
  entity('Component', 'notifications-gateway', { owner: 'sre' }),
  entity('Group', 'payments-team'),
  entity('Group', 'sre'),
];

/**
 * The search plugin's side of the extension point: keeps the collators the
 * module registers, for the test to run.
 */
function searchPluginStandIn(collators: RegisterCollatorParameters[]) {
  return createBackendPlugin({
    pluginId: 'search',
    register(env) {
      env.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
        addCollator: collator => collators.push(collator),
        addDecorator: () => {},
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

/**
 * Runs `load` through the ITSM backend's records service once started: the
 * one way to record history in the past (an incident detected months ago).
 */
function historyLoader(load: (records: ItsmRecordsService) => Promise<void>) {
  let loaded!: () => void;
  let failed!: (error: Error) => void;
  const done = new Promise<void>((resolve, reject) => {
    loaded = resolve;
    failed = reject;
  });
  const module = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-history',
    register(env) {
      env.registerInit({
        deps: { loaders: itsmDataLoadersExtensionPoint },
        async init({ loaders }) {
          loaders.addLoader({
            id: 'test-history',
            load: records => load(records).then(loaded, failed),
          });
        },
      });
    },
  });
  return { module, done };
}

/**
 * The ITSM backend on a test database with the ITSM search module, and a
 * JSON client for its API (as the mock user, allowed everything).
 */
export async function startItsmWithSearchModule(options: {
  /** `mockServices.database.factory({ knex })` of a test database. */
  database: ServiceFactory;
  collatorConfig?: object;
  history: (records: ItsmRecordsService) => Promise<void>;
}) {
  const collators: RegisterCollatorParameters[] = [];
  const history = historyLoader(options.history);
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      searchModuleItsmCollator,
      searchPluginStandIn(collators),
      history.module,
      catalogServiceMock.factory({ entities }),
      options.database,
      mockServices.rootConfig.factory({
        data: {
          search: { collators: { itsm: options.collatorConfig ?? {} } },
          itsm: { reviews: { requiredForPriorities: ['P1'] } },
        },
      }),
    ],
  });
  await history.done;
  const baseUrl = `http://localhost:${server.port()}/api/itsm`;
  async function api(method: string, path: string, body?: object) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body && JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${JSON.stringify(json)}`);
    }
    return json;
  }
  return { collators, api };
}
