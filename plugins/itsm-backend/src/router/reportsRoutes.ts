import { InputError } from '@backstage/errors';
import {
  isoWeekOf,
  isoWeekRange,
  kpiDayOf,
  shiftIsoWeek,
  weeklyReviewCsv,
  weeklyReviewMarkdown,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefParam, parseTimeParam } from './parseListQuery';

const DAY = 24 * 3600_000;
const MAX_RANGE_DAYS = 3 * 366;

export type ReportRouteDeps = Pick<
  RouterOptions,
  | 'reportAuthorizer'
  | 'kpiStore'
  | 'systemServices'
  | 'authorizer'
  | 'problemAuthorizer'
  | 'changeAuthorizer'
  | 'reviewAuthorizer'
> &
  Pick<RouteHelpers, 'callerOf'>;

/** The day after a time, unless the time is a day's start: `to` is exclusive. */
function dayAfterOrAt(iso: string): string {
  const day = kpiDayOf(iso);
  return Date.parse(`${day}T00:00:00Z`) === Date.parse(iso)
    ? day
    : kpiDayOf(new Date(Date.parse(day) + DAY).toISOString());
}

/** `/reports/*`: KPIs read from the daily rollups. */
export function addReportRoutes(router: ItsmRouter, deps: ReportRouteDeps) {
  const { reportAuthorizer, kpiStore, systemServices, callerOf } = deps;
  router.get('/reports/kpis', async (req, res) => {
    const { credentials } = await callerOf(req);
    await reportAuthorizer.authorizeRead(credentials);
    const { query } = req;
    const now = new Date().toISOString();
    // Whole UTC days: from rounds down, to rounds up.
    const toDay = dayAfterOrAt(parseTimeParam('to', query.to) ?? now);
    const fromIso = parseTimeParam('from', query.from);
    const fromDay = fromIso
      ? kpiDayOf(fromIso)
      : kpiDayOf(new Date(Date.parse(toDay) - 90 * DAY).toISOString());
    if (fromDay >= toDay) {
      throw new InputError(`from (${fromDay}) must be before to (${toDay})`);
    }
    if (Date.parse(toDay) - Date.parse(fromDay) > MAX_RANGE_DAYS * DAY) {
      throw new InputError(
        `from..to spans more than ${MAX_RANGE_DAYS} days; ask for a shorter period`,
      );
    }
    const entityRef = parseEntityRefParam('entityRef', query.entityRef);
    const system = parseEntityRefParam('system', query.system, 'system');
    if (system && !system.startsWith('system:')) {
      throw new InputError(`system: "${query.system}" is not a system ref`);
    }
    if (system && entityRef) {
      throw new InputError('entityRef and system: give one or the other');
    }
    res.json(
      await kpiStore.report({
        fromDay,
        toDay,
        now,
        groupBy: query.groupBy,
        entityRef,
        system,
        // Resolved once, then the rollups are filtered in SQL
        entityRefs: system
          ? await systemServices.servicesOf(system, credentials)
          : undefined,
        group: query.group
          ? parseEntityRefParam('group', query.group, 'group')
          : undefined,
      }),
    );
  });
  addWeeklyReviewRoute(router, deps);
}

/** `/reports/weekly`: the weekly review as JSON, Markdown or CSV. */
export function addWeeklyReviewRoute(
  router: ItsmRouter,
  {
    reportAuthorizer,
    kpiStore,
    callerOf,
    authorizer,
    problemAuthorizer,
    changeAuthorizer,
    reviewAuthorizer,
  }: ReportRouteDeps,
) {
  router.get('/reports/weekly', async (req, res) => {
    const { credentials } = await callerOf(req);
    await reportAuthorizer.authorizeRead(credentials);
    const now = new Date().toISOString();
    const week = req.query.week ?? shiftIsoWeek(isoWeekOf(kpiDayOf(now)), -1);
    if (!isoWeekRange(week)) {
      throw new InputError(
        `week: "${week}" is not an ISO week; use YYYY-Www, e.g. 2026-W10`,
      );
    }
    // The lists name records: each shows what its own permission lets the
    // caller read (incidents filtered as the incident list is).
    const [incidents, problems, changes, actionItems] = await Promise.all([
      authorizer.visibility(credentials),
      problemAuthorizer.isAllowed(credentials, 'read'),
      changeAuthorizer.authorize(credentials, 'read').then(
        () => true,
        () => false,
      ),
      reviewAuthorizer.isAllowed(credentials, 'read'),
    ]);
    const review = await kpiStore.weekly(week, now, {
      incidents,
      problems,
      changes,
      actionItems,
    });
    const format = req.query.format ?? 'json';
    if (format === 'md') {
      res
        .type('text/markdown; charset=utf-8')
        .set(
          'content-disposition',
          `attachment; filename="itsm-weekly-${week}.md"`,
        )
        .end(weeklyReviewMarkdown(review));
    } else if (format === 'csv') {
      res
        .type('text/csv; charset=utf-8')
        .set(
          'content-disposition',
          `attachment; filename="itsm-weekly-${week}.csv"`,
        )
        .end(weeklyReviewCsv(review));
    } else {
      res.json(review);
    }
  });
}
