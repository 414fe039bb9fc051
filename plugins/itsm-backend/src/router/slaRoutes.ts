import { InputError } from '@backstage/errors';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefParam, parseTimeParam } from './parseListQuery';
import { incidentReadScope } from './serviceReadScopes';

const DAY = 24 * 3600_000;
const MAX_RANGE_DAYS = 3 * 366;

export type SlaRouteDeps = Pick<RouterOptions, 'slaStore' | 'responseCache'> &
  Pick<RouteHelpers, 'reads'>;

/** `/sla/compliance`: met, breached and compliance ratios, in SQL. */
export function addSlaRoutes(
  router: ItsmRouter,
  { slaStore, responseCache, reads }: SlaRouteDeps,
) {
  router.get('/sla/compliance', async (req, res) => {
    const decision = await reads.incidents(req);
    const { query } = req;
    const now = new Date().toISOString();
    const to = parseTimeParam('to', query.to) ?? now;
    const from =
      parseTimeParam('from', query.from) ??
      new Date(Date.parse(to) - 30 * DAY).toISOString();
    if (from >= to) {
      throw new InputError(`from (${from}) must be before to (${to})`);
    }
    if (Date.parse(to) - Date.parse(from) > MAX_RANGE_DAYS * DAY) {
      throw new InputError(
        `from..to spans more than ${MAX_RANGE_DAYS} days; ask for a shorter period`,
      );
    }
    const entityRef = parseEntityRefParam('entityRef', query.entityRef);
    const report = () =>
      slaStore.compliance({
        from,
        to,
        now,
        groupBy: query.groupBy,
        entityRef,
        permissionFilter:
          decision.result === 'filtered' ? decision.filter : undefined,
      });
    // A service's SLA card is kept briefly; the estate's reports are not
    const scope = entityRef ? incidentReadScope(decision) : undefined;
    await responseCache.send(req, res, scope, report);
  });
}
