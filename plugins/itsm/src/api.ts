import { createApiRef } from '@backstage/frontend-plugin-api';
import { ItsmApi } from '@openitsm/backstage-plugin-itsm-common';

/**
 * The ITSM HTTP API; the default implementation is `ItsmClient` from
 * `@openitsm/backstage-plugin-itsm-common`.
 *
 * @public
 */
export const itsmApiRef = createApiRef<ItsmApi>().with({
  id: 'plugin.itsm.service',
  pluginId: 'itsm',
});
