import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { itsmOnCallProvidersExtensionPoint } from '@openitsm/backstage-plugin-itsm-node';
import { CatalogUsersByEmail } from './CatalogUsersByEmail';
import { PagerDutyClient, TOKEN_CONFIG_KEY } from './PagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';

const DEFAULT_API_BASE_URL = 'https://api.pagerduty.com';

/**
 * Adds PagerDuty as an on-call provider of Backstage ITSM, for services with
 * a `pagerduty.com/service-id` annotation. Inert without `itsm.pagerduty.token`.
 *
 * @public
 */
export const itsmModulePagerDuty = createBackendModule({
  pluginId: 'itsm',
  moduleId: 'pagerduty',
  register(env) {
    env.registerInit({
      deps: {
        providers: itsmOnCallProvidersExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ providers, config, logger, catalog, auth }) {
        const token = config.getOptionalString(TOKEN_CONFIG_KEY);
        if (!token) {
          logger.info(
            `PagerDuty on-call provider disabled: no ${TOKEN_CONFIG_KEY} configured`,
          );
          return;
        }
        const baseUrl =
          config.getOptionalString('itsm.pagerduty.apiBaseUrl') ??
          DEFAULT_API_BASE_URL;
        providers.addProvider(
          new PagerDutyOnCallProvider({
            client: new PagerDutyClient({ token, baseUrl }),
            users: new CatalogUsersByEmail({ catalog, auth, logger }),
          }),
        );
        logger.info(`PagerDuty on-call provider enabled (${baseUrl})`);
      },
    });
  },
});
