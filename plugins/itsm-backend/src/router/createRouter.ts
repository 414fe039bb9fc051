import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { spec } from '../schema/openapi.generated';
import { auditedBy } from './audit';
import { callerResolver } from './caller';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { addEntityRoutes } from './entitiesRoutes';
import { addIncidentRoutes } from './incidentsRoutes';
import { addSlaRoutes } from './slaRoutes';
import { addOnCallRoutes } from './oncallRoutes';
import { addProblemRoutes } from './problemsRoutes';
import { addWorkaroundRoutes } from './workaroundsRoutes';
import { addChangeRoutes } from './changesRoutes';
import { addAlertRoutes } from './alertsRoutes';
import { addMajorIncidentRoutes } from './majorIncidentsRoutes';
import { addStatusRoutes } from './statusRoutes';
import { addServiceRoutes } from './servicesRoutes';
import { addReviewRoutes } from './reviewsRoutes';
import { addActionItemRoutes } from './actionItemsRoutes';
import { addReportRoutes } from './reportsRoutes';
import { internalErrors, jsonBody } from './errorMapping';
import { readAuthorizations, serviceReadReplays } from './serviceReadScopes';

export type { RouterOptions } from './RouterOptions';

/** The `/api/itsm` router: OpenAPI-validated, one file per resource. */
export async function createRouter(
  options: RouterOptions,
): Promise<ItsmRouter> {
  const callerOf = callerResolver(options);
  const helpers: RouteHelpers = {
    callerOf,
    audited: auditedBy(options.auditor),
    reads: readAuthorizations({ ...options, callerOf }),
  };
  const router = createValidatedOpenApiRouter(spec, {
    middleware: [
      jsonBody(),
      // Repeated service page reads, before the validator's route lookup
      options.responseCache.replay(serviceReadReplays(helpers.reads)),
    ],
  });
  // Each add*Routes declares the part of this it uses
  const deps = { ...options, ...helpers };

  router.get('/health', async (_req, res) => {
    await options.healthCheck();
    res.json({ status: 'ok' });
  });
  addIncidentRoutes(router, deps);
  addEntityRoutes(router, deps);
  addSlaRoutes(router, deps);
  addOnCallRoutes(router, deps);
  addProblemRoutes(router, deps);
  addWorkaroundRoutes(router, deps);
  addChangeRoutes(router, deps);
  addAlertRoutes(router, deps);
  addMajorIncidentRoutes(router, deps);
  addStatusRoutes(router, deps);
  addServiceRoutes(router, deps);
  addReviewRoutes(router, deps);
  addActionItemRoutes(router, deps);
  addReportRoutes(router, deps);
  router.use(internalErrors(options.logger));
  return router;
}
