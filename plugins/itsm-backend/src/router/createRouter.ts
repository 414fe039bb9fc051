import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Router } from 'express';
import { spec } from '../schema/openapi.generated';
import { RouterContext } from './context';
import { addEntityRoutes } from './entitiesRoutes';
import { addIncidentRoutes } from './incidentsRoutes';
import { addSlaRoutes } from './slaRoutes';
import { addOnCallRoutes } from './oncallRoutes';
import { addProblemRoutes } from './problemsRoutes';
import { addWorkaroundRoutes } from './workaroundsRoutes';
import { addChangeRoutes } from './changesRoutes';

/** The `/api/itsm` router: OpenAPI-validated, one file per resource. */
export async function createRouter(
  ctx: RouterContext & { healthCheck: () => Promise<void> },
): Promise<Router> {
  const router = createValidatedOpenApiRouter(spec) as unknown as Router;

  router.get('/health', async (_req, res) => {
    await ctx.healthCheck();
    res.json({ status: 'ok' });
  });
  addIncidentRoutes(router, ctx);
  addEntityRoutes(router, ctx);
  addSlaRoutes(router, ctx);
  addOnCallRoutes(router, ctx);
  addProblemRoutes(router, ctx);
  addWorkaroundRoutes(router, ctx);
  addChangeRoutes(router, ctx);
  return router;
}
