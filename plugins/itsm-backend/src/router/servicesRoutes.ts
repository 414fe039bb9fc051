import { InputError } from '@backstage/errors';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefList } from './parseListQuery';

export type ServiceRouteDeps = Pick<
  RouterOptions,
  'authorizer' | 'ownedServices'
> &
  Pick<RouteHelpers, 'callerOf'>;

/** The most owners one request names (a user's groups, and themselves). */
const MAX_OWNERS = 50;

/** `/services/open-incidents`: the services of some owners that are on fire. */
export function addServiceRoutes(
  router: ItsmRouter,
  { authorizer, ownedServices, callerOf }: ServiceRouteDeps,
) {
  router.get('/services/open-incidents', async (req, res) => {
    const { credentials, catalogCredentials } = await callerOf(req);
    const decision = await authorizer.authorizeList(credentials);
    const owners = [
      ...new Set(parseEntityRefList('owner', req.query.owner, 'group')),
    ];
    if (!owners.length) {
      throw new InputError(
        'owner: required, comma-separated group or user refs, e.g. group:default/sre',
      );
    }
    if (owners.length > MAX_OWNERS) {
      throw new InputError(`owner: at most ${MAX_OWNERS} refs`);
    }
    res.json(
      await ownedServices.list(
        owners,
        catalogCredentials,
        decision.result === 'filtered' ? decision.filter : undefined,
      ),
    );
  });
}
