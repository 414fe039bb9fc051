import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
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
import { seedIncidents } from './seed/seedIncidents';
import { IncidentEventPublisher } from './service/IncidentEventPublisher';
import { SlaCalculator } from './service/SlaCalculator';
import { SlaTierResolver } from './service/SlaTierResolver';
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
        catalog,
      }) {
        const itsmConfig = readItsmConfig(config);
        const store = await DatabaseIncidentStore.create({ database });
        const incidents = new IncidentService(
          store,
          new EntityRefValidator(catalog),
          itsmConfig,
          new SlaCalculator(itsmConfig.sla),
          new SlaTierResolver(catalog, auth),
          new IncidentEventPublisher(listeners, logger),
        );

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
          await seedIncidents({
            file: path.resolve(itsmConfig.seedFile),
            store,
            incidents,
            logger,
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
            incidents,
            authorizer: new IncidentAuthorizer(
              permissions,
              permissionsRegistry,
            ),
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
