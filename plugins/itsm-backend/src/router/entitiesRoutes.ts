import { Router } from 'express';
import { callerOf, RouterContext } from './context';
import { normalizeEntityRef } from '../service/entityRefs';

/** `/entities/:kind/:namespace/:name/summary`: the entity card in one call. */
export function addEntityRoutes(router: Router, ctx: RouterContext) {
  const { authorizer, store } = ctx;

  router.get('/entities/:kind/:namespace/:name/summary', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    const decision = await authorizer.authorizeList(credentials);
    const { kind, namespace, name } = req.params;
    const entityRef = normalizeEntityRef(`${kind}:${namespace}/${name}`);
    const summary = await store.getEntitySummary(
      entityRef,
      new Date().toISOString(),
      decision.result === 'filtered' ? decision.filter : undefined,
    );
    res.json(summary);
  });
}
