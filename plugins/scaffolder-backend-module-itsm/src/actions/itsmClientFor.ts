import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ItsmClient } from '@openitsm/backstage-plugin-itsm-common';

/**
 * What the actions need to call the ITSM backend.
 * @public
 */
export interface ItsmActionOptions {
  /** Issues the token the actions call the ITSM API with. */
  auth: AuthService;
  /** Finds the ITSM backend (plugin id `itsm`). */
  discovery: DiscoveryService;
}

/**
 * An ITSM client for one action run, calling as the user who started the
 * task (so the change's requester and the permission checks are theirs), or
 * as the scaffolder itself when the task has no user behind it.
 */
export async function itsmClientFor(
  options: ItsmActionOptions,
  ctx: { getInitiatorCredentials(): Promise<BackstageCredentials> },
): Promise<ItsmClient> {
  const { auth, discovery } = options;
  const initiator = await ctx.getInitiatorCredentials();
  const onBehalfOf = auth.isPrincipal(initiator, 'none')
    ? await auth.getOwnServiceCredentials()
    : initiator;
  const { token } = await auth.getPluginRequestToken({
    onBehalfOf,
    targetPluginId: 'itsm',
  });
  return new ItsmClient({
    discoveryApi: discovery,
    fetchApi: {
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('Authorization', `Bearer ${token}`);
        return fetch(input, { ...init, headers });
      },
    },
  });
}
