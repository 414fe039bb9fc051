import { createApiRef } from '@backstage/core-plugin-api';
import { ItsmApi } from '@openitsm/backstage-plugin-itsm-common';

/**
 * The ITSM HTTP API; the default implementation is `ItsmClient` from
 * `@openitsm/backstage-plugin-itsm-common`.
 *
 * @public
 */
export const itsmApiRef = createApiRef<ItsmApi>({
  id: 'plugin.itsm.service',
});
