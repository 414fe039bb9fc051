import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ItsmCollatorFactory } from './collators/ItsmCollatorFactory';
import { readItsmCollatorConfig } from './collators/ItsmCollatorConfig';
import { itsmDocumentSources } from './collators/itsmDocumentSources';
import { createItsmReader } from './collators/itsmReader';

/**
 * Indexes Backstage ITSM records for Backstage search: recent incidents,
 * problems and known errors, workarounds and published post-incident
 * reviews, one search type each (`itsm-incident`, `itsm-problem`,
 * `itsm-workaround`, `itsm-review`), read through the ITSM API.
 *
 * @public
 */
export const searchModuleItsmCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'itsm-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({ config, auth, discovery, scheduler, indexRegistry }) {
        const collatorConfig = readItsmCollatorConfig(config);
        const itsm = createItsmReader({ auth, discovery });
        for (const source of itsmDocumentSources) {
          indexRegistry.addCollator({
            schedule: scheduler.createScheduledTaskRunner(
              collatorConfig.schedule,
            ),
            factory: new ItsmCollatorFactory(source, itsm, collatorConfig),
          });
        }
      },
    });
  },
});
