import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { ConfigSources, StaticConfigSource } from '@backstage/config-loader';

/**
 * The default root config, plus a Backstage static external-access token
 * from the ITSM_API_TOKEN environment variable when it is set. Written as
 * code because app-config cannot make a list entry conditional on an
 * environment variable, and the demo must start without it. The token may
 * call the itsm plugin and the MCP actions backend (which calls the itsm
 * actions on its behalf).
 */
export const itsmApiTokenConfig = createServiceFactory({
  service: coreServices.rootConfig,
  deps: {},
  async factory() {
    const defaults = ConfigSources.default({});
    const token = process.env.ITSM_API_TOKEN;
    if (!token) {
      return ConfigSources.toConfig(defaults);
    }
    return ConfigSources.toConfig(
      ConfigSources.merge([
        defaults,
        StaticConfigSource.create({
          context: 'env:ITSM_API_TOKEN',
          data: {
            backend: {
              auth: {
                externalAccess: [
                  {
                    type: 'static',
                    options: { token, subject: 'itsm-api-token' },
                    // The ITSM API, and its actions as MCP tools
                    accessRestrictions: [
                      { plugin: 'itsm' },
                      { plugin: 'mcp-actions' },
                    ],
                  },
                ],
              },
            },
          },
        }),
      ]),
    );
  },
});
