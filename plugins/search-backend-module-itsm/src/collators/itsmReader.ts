import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ItsmApi, ItsmClient } from '@openitsm/backstage-plugin-itsm-common';

/**
 * The ITSM API as the search plugin itself: each request carries a fresh
 * plugin-to-plugin token (they are short-lived, and indexing can take a
 * while). Service credentials may read every record; the search backend
 * filters results by the searching user's permissions.
 */
export function createItsmReader(options: {
  auth: AuthService;
  discovery: DiscoveryService;
}): ItsmApi {
  const { auth, discovery } = options;
  return new ItsmClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: async (input, init) => {
        const { token } = await auth.getPluginRequestToken({
          onBehalfOf: await auth.getOwnServiceCredentials(),
          targetPluginId: 'itsm',
        });
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
}
