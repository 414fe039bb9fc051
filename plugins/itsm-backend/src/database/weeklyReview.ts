import {
  isoWeekRange,
  KpiValues,
  kpiValuesOf,
  shiftIsoWeek,
  WeeklyReview,
  WeeklyReviewItem,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DatabaseKpiStore } from './DatabaseKpiStore';
import { DbTime } from './DbTime';
import { IncidentVisibility } from '../permissions/IncidentAuthorizer';
import { applyPermissionFilter } from './permissionFilter';

/** What of the records the caller may see; KPIs are counts, seen by all. */
export interface WeeklyReviewAccess {
  incidents: IncidentVisibility;
  problems: boolean;
  changes: boolean;
  /** Action items (itsm.review.read); those of unreadable incidents stay out. */
  actionItems: boolean;
}

/** Records per list: a review meeting discusses tens, not thousands. */
const LIST_LIMIT = 100;
const RUNNING = ['new', 'acknowledged', 'in_progress'];
const ACTION_ITEM_PENDING = ['open', 'in_progress'];

type Time = Date | string | null;

/**
 * The weekly incident review of an ISO week: KPIs from the rollups, the
 * records to discuss from their tables through their time indexes, each list
 * bounded.
 */
export async function weeklyReview(
  db: Knex,
  kpis: DatabaseKpiStore,
  week: string,
  now: string,
  access: WeeklyReviewAccess,
): Promise<WeeklyReview> {
  const time = new DbTime(db);
  const { from, to } = isoWeekRange(week)!;
  const firstWeek = isoWeekRange(shiftIsoWeek(week, -11))!;
  const start = time.toDb(`${from}T00:00:00Z`);
  const end = time.toDb(`${to}T00:00:00Z`);
  const iso = (t: Time) => (t ? time.fromDb(t) : undefined);
  const incidentItem = (r: any, detail?: string): WeeklyReviewItem => ({
    ref: r.ref,
    title: r.title,
    priority: r.priority,
    status: r.status,
    service: r.primary_service,
    at: iso(r.at),
    ...(detail ? { detail } : {}),
  });
  const incidentColumns = [
    'i.ref',
    'i.title',
    'i.priority',
    'i.status',
    'i.primary_service',
  ];
  // Incidents the caller may not read stay out of the lists.
  const incidents = (
    list: (q: Knex.QueryBuilder) => Knex.QueryBuilder,
  ): Promise<any[]> => {
    if (access.incidents.result === 'none') return Promise.resolve([]);
    const q = db('itsm_incidents as i');
    if (access.incidents.result === 'filtered') {
      applyPermissionFilter(q, access.incidents.filter);
    }
    return list(q).limit(LIST_LIMIT);
  };
  const breaches = (kind: 'response' | 'resolution') => {
    const due = `i.${kind}_due_at`;
    const stop = kind === 'response' ? 'i.acknowledged_at' : 'i.resolved_at';
    return incidents(q =>
      q
        .where(due, '>=', start)
        .where(due, '<', end)
        .whereNot('i.status', 'cancelled')
        .where(outer =>
          outer
            .whereRaw(`${stop} > ${due}`)
            .orWhere(running =>
              running
                .whereNull(stop)
                .whereIn('i.status', RUNNING)
                .where(due, '<', time.toDb(now)),
            ),
        )
        .select(...incidentColumns, { at: due })
        .orderBy(due),
    );
  };
  // Overdue by the week's end, or by today while the week runs
  const today = now.slice(0, 10);
  const overdueBefore = to < today ? to : today;
  const [
    trend,
    priorityRows,
    responseRows,
    resolutionRows,
    topServices,
    majorRows,
    problemRows,
    changeRows,
    actionItemRows,
  ] = await Promise.all([
    kpis.valuesBy({
      fromDay: firstWeek.from,
      toDay: to,
      groupBy: 'week',
      now,
    }),
    incidents(q =>
      q
        .where('i.detected_at', '>=', start)
        .where('i.detected_at', '<', end)
        .whereIn('i.priority', ['P1', 'P2'])
        .select(...incidentColumns, { at: 'i.detected_at' })
        .orderBy([{ column: 'i.priority' }, { column: 'i.detected_at' }]),
    ),
    breaches('response'),
    breaches('resolution'),
    kpis.topServices(from, to, 10),
    incidents(q =>
      q
        .where('i.detected_at', '>=', start)
        .where('i.detected_at', '<', end)
        .where('i.major', true)
        .leftJoin('itsm_reviews as r', 'r.incident_id', 'i.id')
        .select(...incidentColumns, {
          at: 'i.detected_at',
          review_status: 'r.status',
        })
        .orderBy('i.detected_at'),
    ),
    !access.problems
      ? []
      : db('itsm_problems')
          .whereNotIn('status', ['resolved', 'closed'])
          .select('ref', 'title', 'status', { at: 'created_at' })
          .orderBy([{ column: 'created_at' }, { column: 'id' }])
          .limit(LIST_LIMIT),
    !access.changes
      ? []
      : db('itsm_changes')
          .where('status', 'closed')
          .where('closed_at', '>=', start)
          .where('closed_at', '<', end)
          .whereIn('outcome', ['failed', 'rolled_back'])
          .select('ref', 'title', 'primary_service', 'outcome', {
            at: 'closed_at',
          })
          .orderBy('closed_at')
          .limit(LIST_LIMIT),
    !access.actionItems
      ? []
      : overdueActionItems(db, access.incidents, overdueBefore),
  ]);
  const empty = kpiValuesOf({});
  const weeks = Array.from({ length: 12 }, (_, i) =>
    shiftIsoWeek(week, i - 11),
  );
  const of = (w: string): KpiValues => trend.get(w) ?? empty;
  return {
    week,
    from,
    to,
    kpis: of(week),
    previousKpis: of(shiftIsoWeek(week, -1)),
    trend: weeks.map(w => ({ week: w, kpis: of(w) })),
    priorityIncidents: priorityRows.map(r => incidentItem(r)),
    slaBreaches: [
      ...responseRows.map(r => incidentItem(r, 'response')),
      ...resolutionRows.map(r => incidentItem(r, 'resolution')),
    ]
      .sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''))
      .slice(0, LIST_LIMIT),
    topServices,
    majorIncidents: majorRows.map(r => ({
      ...incidentItem(r),
      reviewStatus: r.review_status ?? 'none',
    })),
    openProblems: problemRows.map(r => ({
      ref: r.ref,
      title: r.title,
      status: r.status,
      at: iso(r.at),
    })),
    failedChanges: changeRows.map(r => ({
      ref: r.ref,
      title: r.title,
      service: r.primary_service,
      at: iso(r.at),
      detail: r.outcome,
    })),
    overdueActionItems: actionItemRows.map(r => ({
      ref: r.ref,
      title: r.title,
      status: r.status,
      owner: r.owner,
      ...(r.incident_ref ? { incidentRef: r.incident_ref } : {}),
      at: `${r.due_date}T00:00:00.000Z`,
    })),
  };
}

/**
 * Action items pending now and due before `before` (a day), the oldest due
 * first; those of incidents the caller may not read are left out.
 */
function overdueActionItems(
  db: Knex,
  incidents: IncidentVisibility,
  before: string,
): Promise<any[]> {
  const q = db('itsm_action_items as a')
    .leftJoin('itsm_incidents as ai', 'ai.id', 'a.incident_id')
    .whereIn('a.status', ACTION_ITEM_PENDING)
    .where('a.due_date', '<', before)
    .select(
      'a.ref',
      'a.title',
      'a.status',
      'a.owner',
      'a.due_date',
      'ai.ref as incident_ref',
    )
    .orderBy([{ column: 'a.due_date' }, { column: 'a.ref' }])
    .limit(LIST_LIMIT);
  if (incidents.result === 'none') q.whereNull('a.incident_id');
  if (incidents.result === 'filtered') {
    const readable = db('itsm_incidents as i').select('i.id');
    applyPermissionFilter(readable, incidents.filter);
    q.where(visible =>
      visible.whereNull('a.incident_id').orWhereIn('a.incident_id', readable),
    );
  }
  return q;
}
