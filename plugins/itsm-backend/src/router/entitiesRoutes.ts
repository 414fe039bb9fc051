import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { normalizeEntityRef } from '../service/entityRefs';
import { incidentReadScope } from './serviceReadScopes';

export type EntityRouteDeps = Pick<RouterOptions, 'store' | 'responseCache'> &
  Pick<RouteHelpers, 'reads'>;

/** `/entities/:kind/:namespace/:name/summary`: the entity card in one call. */
export function addEntityRoutes(
  router: ItsmRouter,
  { store, responseCache, reads }: EntityRouteDeps,
) {
  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const decision = await reads.incidents(req);
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
