import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  IncidentEventListener,
  ItsmDataLoader,
  itsmDataLoadersExtensionPoint,
  itsmIncidentEventsExtensionPoint,
  itsmOnCallProvidersExtensionPoint,
  OnCallProvider,
} from '@openitsm/backstage-plugin-itsm-node';
import { createRouter } from './router/createRouter';
import { ResponseCache } from './router/ResponseCache';
import { migratedClient } from './database/migratedClient';
import { onCommittedWrites } from './database/onCommittedWrites';
import { ItsmRecords } from './service/ItsmRecords';
import { readIngestConfig } from './ingest/IngestConfig';
import { readItsmConfig } from './service/ItsmConfig';
import { readRecurrenceConfig } from './service/RecurrenceConfig';
import { createServices } from './wiring/createServices';
import { createStores } from './wiring/createStores';
import { registerPermissions } from './wiring/registerPermissions';
import { scheduleTasks } from './wiring/scheduleTasks';
import { createActionItemNotifier } from './service/actionItemNotifier';
import { createItsmActions } from './actions/createItsmActions';
import { ItsmEventsPublisher } from './events/ItsmEventsPublisher';
import { subscribeAlertTopic } from './events/subscribeAlertTopic';

/**
 * Backstage ITSM backend plugin: incidents, problems, changes, SLA and
 * on-call attached to catalog services.
 *
 * @public
 */
export const itsmPlugin = createBackendPlugin({
  pluginId: 'itsm',
  register(env) {
    const listeners: IncidentEventListener[] = [];
    env.registerExtensionPoint(itsmIncidentEventsExtensionPoint, {
      addListener: (...added) => listeners.push(...added),
    });
    const providers: OnCallProvider[] = [];
    env.registerExtensionPoint(itsmOnCallProvidersExtensionPoint, {
      addProvider: (...added) => providers.push(...added),
    });
    const loaders: ItsmDataLoader[] = [];
    env.registerExtensionPoint(itsmDataLoadersExtensionPoint, {
      addLoader: (...added) => loaders.push(...added),
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
        notifications: notificationService,
        cache: coreServices.cache,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const { auth, catalog, logger } = deps;
        const stores = await createStores(deps.database);
        const config = readItsmConfig(deps.config);
        const ingest = readIngestConfig(deps.config, config.categories);
        // Committed writes go out as itsm.* events, after the modules' listeners
        const itsmEvents = new ItsmEventsPublisher(deps.events, logger);
        const services = createServices({
          config,
          ingest,
          stores,
          catalog,
          auth,
          logger,
          cache: deps.cache,
          listeners: [...listeners, itsmEvents],
          recordEvents: itsmEvents,
          providers,
          notifications: deps.notifications,
          actionItemNotifier: createActionItemNotifier(
            deps.notifications,
            logger,
          ),
        });
        const authorizers = registerPermissions({ ...deps, stores });
        createItsmActions({
          actionsRegistry: deps.actionsRegistry,
          auth,
          auditor: deps.auditor,
          categories: config.categories,
          incidents: services.incidents,
          incidentStore: stores.incidents,
          majorIncidents: services.majorIncidents,
          oncall: services.oncall,
          workaroundStore: stores.workarounds,
          incidentAuthorizer: authorizers.incidents,
          oncallAuthorizer: authorizers.oncall,
          problemAuthorizer: authorizers.problems,
        });
        if (ingest.eventsTopic) {
          await subscribeAlertTopic({
            events: deps.events,
            topic: ingest.eventsTopic,
            ingest: services.ingest,
            auth,
            logger,
          });
        }
        await scheduleTasks({
          ...deps,
          stores,
          services,
          recurrence: readRecurrenceConfig(deps.config),
          reviews: config.reviews,
        });

        // Data loaders (demo data, imports) run once started, in the background.
        const records = new ItsmRecords({ services, stores, auth });
        deps.lifecycle.addStartupHook(() => {
          for (const loader of loaders) {
            loader
              .load(records)
              // Said once done: the e2e suite waits for it before it reads
              // what the demo seeds.
              .then(() => logger.info(`ITSM data loader ${loader.id} finished`))
              .catch(error =>
                logger.error(`ITSM data loader ${loader.id} failed`, error),
              );
          }
        });

        // The stores' own client: what they commit drops the cached answers
        const client = await migratedClient(deps.database);
        const responseCache = ResponseCache.fromConfig(deps.config);
        onCommittedWrites(client, () => responseCache.invalidate());
        deps.httpRouter.use(
          await createRouter({
            auth,
            httpAuth: deps.httpAuth,
            auditor: deps.auditor,
            logger,
            store: stores.incidents,
            slaStore: stores.sla,
            incidents: services.incidents,
            oncall: services.oncall,
            oncallStore: stores.oncall,
            schedules: services.schedules,
            oncallAuthorizer: authorizers.oncall,
            problemAuthorizer: authorizers.problems,
            problems: services.problems,
            problemStore: stores.problems,
            workarounds: services.workarounds,
            workaroundStore: stores.workarounds,
            proposalStore: stores.proposals,
            authorizer: authorizers.incidents,
            changeStore: stores.changes,
            changes: services.changes,
            changeAuthorizer: authorizers.changes,
            ingest: services.ingest,
            alertStore: stores.alerts,
            majorIncidents: services.majorIncidents,
            statusBoard: services.statusBoard,
            userShifts: services.userShifts,
            ownedServices: services.ownedServices,
            reviewAuthorizer: authorizers.reviews,
            reviews: services.reviews,
            actionItems: services.actionItems,
            reportAuthorizer: authorizers.reports,
            kpiStore: stores.kpis,
            systemServices: services.systemServices,
            responseCache,
            healthCheck: async () => {
              await client.raw('select 1');
            },
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
