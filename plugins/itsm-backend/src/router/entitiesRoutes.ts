import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { normalizeEntityRef } from '../service/entityRefs';
import { incidentReadScope } from './serviceReadScopes';

export type EntityRouteDeps = Pick<
  RouterOptions,
  'authorizer' | 'store' | 'responseCache'
> &
  Pick<RouteHelpers, 'callerOf'>;

/** `/entities/:kind/:namespace/:name/summary`: the entity card in one call. */
export function addEntityRoutes(
  router: ItsmRouter,
  { authorizer, store, responseCache, callerOf }: EntityRouteDeps,
) {
  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const { credentials } = await callerOf(req);
    const decision = await authorizer.authorizeList(credentials);
    const { kind, namespace, name } = req.params;
    const entityRef = normalizeEntityRef(`${kind}:${namespace}/${name}`);
    await responseCache.send(req, res, incidentReadScope(decision), () =>
      store.getEntitySummary(
        entityRef,
        new Date().toISOString(),
        decision.result === 'filtered' ? decision.filter : undefined,
      ),
    );
  });
}
