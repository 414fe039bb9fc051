import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createItsmChangeCreateAction } from './actions/createChange';
import { createItsmChangeGateAction } from './actions/changeGate';

/**
 * Adds the Backstage ITSM actions to the scaffolder: `itsm:change:create`
 * and `itsm:change:gate`.
 * @public
 */
export const scaffolderModuleItsm = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'itsm',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
      },
      async init({ scaffolder, auth, discovery, config }) {
        scaffolder.addActions(
          createItsmChangeCreateAction({
            auth,
            discovery,
            appBaseUrl: config.getString('app.baseUrl'),
          }),
          createItsmChangeGateAction({ auth, discovery }),
        );
      },
    });
  },
});
