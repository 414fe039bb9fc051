import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  ChangeConfig,
  ITSM_INCIDENT_RESOURCE_TYPE,
  ITSM_ONCALL_RESOURCE_TYPE,
  itsmPermissions,
} from '@openitsm/backstage-plugin-itsm-common';
import fs from 'node:fs';
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
import { seedProblems } from './seed/seedProblems';
import { seedChanges } from './seed/seedChanges';
import { IncidentEventPublisher } from './service/IncidentEventPublisher';
import { SlaCalculator } from './service/SlaCalculator';
import { memoizeTiers, SlaTierResolver } from './service/SlaTierResolver';
import { SlaMonitor } from './service/SlaMonitor';
import { DatabaseSlaStore } from './database/DatabaseSlaStore';
import { DatabaseProblemStore } from './database/DatabaseProblemStore';
import { DatabaseWorkaroundStore } from './database/DatabaseWorkaroundStore';
import { DatabaseProblemProposalStore } from './database/DatabaseProblemProposalStore';
import { DatabaseSimilarIncidents } from './database/DatabaseSimilarIncidents';
import { ProblemAuthorizer } from './permissions/ProblemAuthorizer';
import { ProblemService } from './service/ProblemService';
import { WorkaroundService } from './service/WorkaroundService';
import { RecurrenceDetector } from './service/RecurrenceDetector';
import { readRecurrenceConfig } from './service/RecurrenceConfig';
import { DatabaseChangeStore } from './database/DatabaseChangeStore';
import { ChangeAuthorizer } from './permissions/ChangeAuthorizer';
import { ChangeService } from './service/ChangeService';
import { ApproverDirectory } from './service/ApproverDirectory';
import {
  IncidentEventListener,
  itsmIncidentEventsExtensionPoint,
  itsmOnCallProvidersExtensionPoint,
  OnCallProvider,
} from '@openitsm/backstage-plugin-itsm-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { DatabaseOnCallStore } from './database/DatabaseOnCallStore';
import { OnCallAuthorizer } from './permissions/OnCallAuthorizer';
import {
  onCallPermissionResourceRef,
  onCallPermissionRules,
} from './permissions/oncallRules';
import { OnCallService } from './service/OnCallService';
import { OnCallScheduleService } from './service/OnCallScheduleService';
import { EscalationMonitor } from './service/EscalationMonitor';
import { createEscalationNotifier } from './service/escalationNotifier';
import { seedOnCall } from './seed/seedOnCall';

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

    const providers: OnCallProvider[] = [];
    env.registerExtensionPoint(itsmOnCallProvidersExtensionPoint, {
      addProvider(...added) {
        providers.push(...added);
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
        notifications: notificationService,
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
        notifications,
      }) {
        const itsmConfig = readItsmConfig(config);
        const store = await DatabaseIncidentStore.create({ database });
        const slaStore = await DatabaseSlaStore.create({ database });
        const changeStore = await DatabaseChangeStore.create({ database });
        const problemStore = await DatabaseProblemStore.create({ database });
        const changes = new ChangeService(
          changeStore,
          store,
          new EntityRefValidator(catalog),
          itsmConfig.changes,
          new ApproverDirectory(catalog, auth),
          async ref => !!(await problemStore.getProblem(ref)),
        );
        const publisher = new IncidentEventPublisher(listeners, logger);
        const oncallStore = await DatabaseOnCallStore.create({ database });
        const oncall = new OnCallService(
          oncallStore,
          catalog,
          auth,
          providers,
          logger,
        );
        const incidents = new IncidentService(
          store,
          new EntityRefValidator(catalog),
          itsmConfig,
          new SlaCalculator(itsmConfig.sla),
          new SlaTierResolver(catalog, auth),
          publisher,
          oncall,
          logger,
        );

        // Pages, notifies and reassigns; each step once, on one replica.
        const escalation = new EscalationMonitor(
          oncallStore,
          store,
          oncall,
          catalog,
          auth,
          createEscalationNotifier(notifications, logger),
          publisher,
          logger,
        );
        await scheduler.scheduleTask({
          id: 'itsm-escalation',
          scope: 'global',
          frequency: { minutes: 1 },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await escalation.run();
          },
        });

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

        // Problems, workarounds and recurrence proposals
        const recurrence = readRecurrenceConfig(config);
        const workaroundStore = await DatabaseWorkaroundStore.create({
          database,
        });
        const proposalStore = await DatabaseProblemProposalStore.create({
          database,
        });
        const problems = new ProblemService(
          problemStore,
          store,
          new EntityRefValidator(catalog),
          async ref => !!(await changeStore.getChange(ref)),
        );
        const workarounds = new WorkaroundService(
          workaroundStore,
          store,
          await DatabaseSimilarIncidents.create({ database }),
          new EntityRefValidator(catalog),
        );
        if (recurrence.enabled) {
          const detector = new RecurrenceDetector(
            proposalStore,
            recurrence,
            logger,
          );
          await scheduler.scheduleTask({
            id: 'itsm-recurrence-detector',
            scope: 'global',
            frequency: { minutes: recurrence.frequencyMinutes },
            timeout: { minutes: 5 },
            initialDelay: { seconds: 30 },
            fn: async () => {
              await detector.run();
            },
          });
        }

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
        permissionsRegistry.addResourceType({
          resourceRef: onCallPermissionResourceRef,
          permissions: itsmPermissions.filter(
            p =>
              'resourceType' in p &&
              p.resourceType === ITSM_ONCALL_RESOURCE_TYPE,
          ),
          rules: onCallPermissionRules,
        });

        if (itsmConfig.seedOnCallFile) {
          const file = path.resolve(itsmConfig.seedOnCallFile);
          lifecycle.addStartupHook(async () => {
            try {
              await seedOnCall({ file, store: oncallStore, logger });
            } catch (error) {
              logger.error(
                `Could not seed on-call from ${file}`,
                error as Error,
              );
            }
          });
        }
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
              .then(() => {
                // Problems and workarounds beside the incidents, if any
                const problemsFile = path.join(
                  path.dirname(file),
                  'problems.json',
                );
                return fs.existsSync(problemsFile)
                  ? seedProblems({
                      file: problemsFile,
                      incidentStore: store,
                      problemStore,
                      problems,
                      workarounds,
                      logger,
                    })
                  : 0;
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
            oncall,
            oncallStore,
            schedules: new OnCallScheduleService(
              oncallStore,
              new EntityRefValidator(catalog),
            ),
            oncallAuthorizer: new OnCallAuthorizer(
              permissions,
              permissionsRegistry,
            ),
            problemAuthorizer: new ProblemAuthorizer(permissions),
            problems,
            problemStore,
            workarounds,
            workaroundStore,
            proposalStore,
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
