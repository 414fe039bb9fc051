import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { itsmDataLoadersExtensionPoint } from '@openitsm/backstage-plugin-itsm-node';
import path from 'node:path';
import { demoDataLoader } from './demoDataLoader';

/**
 * Loads the Backstage ITSM demo data set (incidents of the last six months,
 * problems, workarounds, changes, on-call) from `itsm.demoData.directory`,
 * through the ITSM backend's own rules. Inert without that key.
 *
 * @public
 */
export const itsmModuleDemoData = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'demo-data',
  register(env) {
    env.registerInit({
      deps: {
        loaders: itsmDataLoadersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ loaders, config, logger, catalog, auth }) {
        const directory = config.getOptionalString('itsm.demoData.directory');
        if (!directory) {
          logger.info('ITSM demo data disabled: no itsm.demoData.directory');
          return;
        }
        loaders.addLoader(
          demoDataLoader({
            directory: path.resolve(directory),
            catalog,
            auth,
            logger,
          }),
        );
      },
    });
  },
});
