import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  ChangeConfig,
  ITSM_INCIDENT_RESOURCE_TYPE,
  itsmPermissions,
} from '@openitsm/backstage-plugin-itsm-common';
import path from 'node:path';
import { DatabaseIncidentStore } from './database/DatabaseIncidentStore';
import { IncidentAuthorizer } from './permissions/IncidentAuthorizer';
import {
  incidentPermissionResourceRef,
  incidentPermissionRules,
} from './permissions/rules';
import { createRouter } from './router/createRouter';
import { EntityRefValidator } from './service/EntityRefValidator';
import { IncidentService } from './service/IncidentService';
import { readItsmConfig } from './service/ItsmConfig';
import { catalogHasEntities, seedIncidents } from './seed/seedIncidents';
import { seedChanges } from './seed/seedChanges';
import { IncidentEventPublisher } from './service/IncidentEventPublisher';
import { SlaCalculator } from './service/SlaCalculator';
import { memoizeTiers, SlaTierResolver } from './service/SlaTierResolver';
import { SlaMonitor } from './service/SlaMonitor';
import { DatabaseSlaStore } from './database/DatabaseSlaStore';
import { DatabaseChangeStore } from './database/DatabaseChangeStore';
import { ChangeAuthorizer } from './permissions/ChangeAuthorizer';
import { ChangeService } from './service/ChangeService';
import { ApproverDirectory } from './service/ApproverDirectory';
import {
  IncidentEventListener,
  itsmIncidentEventsExtensionPoint,
} from '@openitsm/backstage-plugin-itsm-node';

/**
 * Backstage ITSM backend plugin: incidents attached to catalog services.
 *
 * @public
 */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
    const listeners: IncidentEventListener[] = [];
    env.registerExtensionPoint(itsmIncidentEventsExtensionPoint, {
      addListener(...added) {
        listeners.push(...added);
      },
    });

    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
      },
      async init({
        config,
        logger,
        database,
        httpRouter,
        auth,
        httpAuth,
        permissions,
        permissionsRegistry,
        auditor,
        scheduler,
        lifecycle,
        catalog,
      }) {
        const itsmConfig = readItsmConfig(config);
        const store = await DatabaseIncidentStore.create({ database });
        const slaStore = await DatabaseSlaStore.create({ database });
        const changeStore = await DatabaseChangeStore.create({ database });
        const changes = new ChangeService(
          changeStore,
          store,
          new EntityRefValidator(catalog),
          itsmConfig.changes,
          new ApproverDirectory(catalog, auth),
        );
        const publisher = new IncidentEventPublisher(listeners, logger);
        const incidents = new IncidentService(
          store,
          new EntityRefValidator(catalog),
          itsmConfig,
          new SlaCalculator(itsmConfig.sla),
          new SlaTierResolver(catalog, auth),
          publisher,
        );

        // One replica runs it (global scope); each mark is set once anyway.
        const slaMonitor = new SlaMonitor(slaStore, store, publisher, logger);
        await scheduler.scheduleTask({
          id: 'itsm-sla-monitor',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 20 },
          fn: async () => {
            await slaMonitor.run();
          },
        });

        permissionsRegistry.addPermissions(itsmPermissions);
        permissionsRegistry.addResourceType({
          resourceRef: incidentPermissionResourceRef,
          permissions: itsmPermissions.filter(
            p =>
              'resourceType' in p &&
              p.resourceType === ITSM_INCIDENT_RESOURCE_TYPE,
          ),
          rules: incidentPermissionRules,
          getResources: ids => store.getIncidentsByIds(ids),
        });

        if (itsmConfig.seedFile) {
          const file = path.resolve(itsmConfig.seedFile);
          // Demo data waits for the catalog so services' SLA tiers apply.
          lifecycle.addStartupHook(() => {
            // A service's tier is looked up once for the whole seed
            const seedIncidentService = new IncidentService(
              store,
              new EntityRefValidator(catalog),
              itsmConfig,
              new SlaCalculator(itsmConfig.sla),
              memoizeTiers(new SlaTierResolver(catalog, auth)),
            );
            seedIncidents({
              file,
              store,
              incidents: seedIncidentService,
              logger,
              catalogReady: refs =>
                catalogHasEntities(catalog, auth, refs, { timeoutMs: 60_000 }),
            })
              .then(async () => {
                if (!itsmConfig.changesSeedFile) return;
                const changesFile = path.resolve(itsmConfig.changesSeedFile);
                await seedChanges({
                  file: changesFile,
                  store: changeStore,
                  // Replayed approvals were given by members of the groups
                  changes: new ChangeService(
                    changeStore,
                    store,
                    new EntityRefValidator(catalog),
                    itsmConfig.changes,
                    { groupsOf: async () => configuredApprovers(itsmConfig) },
                  ),
                  incidents: seedIncidentService,
                  logger,
                });
              })
              .catch(error =>
                logger.error(`Could not seed ITSM data from ${file}`, error),
              );
          });
        }

        const client = await database.getClient();
        httpRouter.use(
          await createRouter({
            auth,
            httpAuth,
            auditor,
            logger,
            store,
            slaStore,
            incidents,
            authorizer: new IncidentAuthorizer(
              permissions,
              permissionsRegistry,
            ),
            changeStore,
            changes,
            changeAuthorizer: new ChangeAuthorizer(permissions),
            healthCheck: async () => {
              await client.raw('select 1');
            },
          }),
        );
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});

function configuredApprovers(config: { changes: ChangeConfig }): string[] {
  return Object.values(config.changes.approvers).flatMap(
    groups => groups ?? [],
  );
}
