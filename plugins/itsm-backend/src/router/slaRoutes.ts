import { InputError } from '@backstage/errors';
import { Router } from 'express';
import { callerOf, RouterContext } from './context';
import { parseEntityRefParam, parseTimeParam } from './parseListQuery';

const DAY = 24 * 3600_000;
const MAX_RANGE_DAYS = 3 * 366;

/** `/sla/compliance`: met, breached and compliance ratios, in SQL. */
export function addSlaRoutes(router: Router, ctx: RouterContext) {
  router.get('/sla/compliance', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    const decision = await ctx.authorizer.authorizeList(credentials);
    const query = req.query as Record<string, string | undefined>;
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
    const groupBy = query.groupBy as 'month' | 'priority' | undefined;
    res.json(
      await ctx.slaStore.compliance({
        from,
        to,
        now,
        groupBy,
        entityRef: parseEntityRefParam('entityRef', query.entityRef),
        permissionFilter:
          decision.result === 'filtered' ? decision.filter : undefined,
      }),
    );
  });
}
