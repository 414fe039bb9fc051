import { DatabaseService } from '@backstage/backend-plugin-api';
import {
  changeFailureRate,
  isoWeekOf,
  KPI_BACKLOG_AGE_BUCKETS,
  KPI_MEASURES,
  KpiBacklog,
  KpiGroupBy,
  KpiMeasures,
  KpiReport,
  KpiValues,
  kpiValuesOf,
  percentileRank,
  WeeklyReview,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';
import { KpiRollupTable, measureColumn } from './kpiRollup';
import { migratedClient } from './migratedClient';
import { weeklyReview, WeeklyReviewAccess } from './weeklyReview';

type Num = number | string | null;

/** What a KPI report covers: whole UTC days [fromDay, toDay). */
export interface KpiReportQuery {
  fromDay: string;
  toDay: string;
  entityRef?: string;
  /** A system, echoed in the report; its services are `entityRefs`. */
  system?: string;
  /** Several services (a system's parts), resolved from the catalog. */
  entityRefs?: string[];
  group?: string;
  groupBy?: KpiGroupBy;
  now: string;
}

const DAY = 24 * 3600_000;
const RUNNING = ['new', 'acknowledged', 'in_progress'];
const OPEN = [...RUNNING, 'on_hold'];
const PROBLEM_DONE = ['resolved', 'closed'];
const ACTION_ITEM_PENDING = ['open', 'in_progress'];

/** The sums of every group, under the key ''. */
function addUp(groups: Map<string, KpiMeasures>): Map<string, KpiMeasures> {
  const total: KpiMeasures = {};
  for (const measures of groups.values()) {
    for (const [m, v] of Object.entries(measures)) {
      const k = m as keyof KpiMeasures;
      total[k] = (total[k] ?? 0) + (v ?? 0);
    }
  }
  return new Map([['', total]]);
}

const ROLLUP_KEY: Record<KpiGroupBy, string> = {
  week: 'week',
  month: 'month',
  priority: 'priority',
  category: 'category',
  service: 'entity_ref',
  group: 'assigned_group',
};

const INCIDENT_KEY: Record<'priority' | 'category' | 'group', string> = {
  priority: 'i.priority',
  category: 'i.category',
  group: "coalesce(i.assigned_group, '')",
};

/**
 * KPI reports read from the daily rollups (kpiRollup.ts): a year of the
 * estate is a few thousand rows summed in SQL, whatever the incident count.
 * Only what depends on "now" is read from the incidents, through the open
 * incidents' index: the backlog, and SLA clocks still running past due.
 */
export class DatabaseKpiStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseKpiStore> {
    return new DatabaseKpiStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  /** The weekly incident review of an ISO week (`YYYY-Www`). */
  async weekly(
    week: string,
    now: string,
    access: WeeklyReviewAccess,
  ): Promise<WeeklyReview> {
    return weeklyReview(this.db, this, week, now, access);
  }

  async report(query: KpiReportQuery): Promise<KpiReport> {
    // Groups that count each incident once add up to the totals: one pass
    // over the rollup, not two. Per service, an incident counts on each of
    // its services, so the totals are read apart.
    const additive = query.groupBy !== undefined && query.groupBy !== 'service';
    const groupSums = query.groupBy
      ? this.sums(query, query.groupBy)
      : undefined;
    const [
      totals,
      groups,
      liveTotals,
      liveGroups,
      backlog,
      changes,
      problems,
      actionItems,
    ] = await Promise.all([
      additive ? groupSums!.then(addUp) : this.sums(query, undefined),
      groupSums,
      this.liveBreaches(query, undefined),
      query.groupBy ? this.liveBreaches(query, query.groupBy) : undefined,
      this.backlog(query),
      this.changes(query),
      this.problems(query),
      this.actionItems(query),
    ]);
    const report: KpiReport = {
      from: query.fromDay,
      to: query.toDay,
      entityRef: query.entityRef,
      system: query.system,
      group: query.group,
      groupBy: query.groupBy,
      totals: kpiValuesOf(totals.get('') ?? {}, liveTotals.get('')),
      backlog,
      changes,
      problems,
      actionItems,
    };
    if (groups && liveGroups) {
      const keys = [
        ...new Set([...groups.keys(), ...liveGroups.keys()]),
      ].sort();
      report.groups = keys.map(key => ({
        key,
        kpis: kpiValuesOf(groups.get(key) ?? {}, liveGroups.get(key)),
      }));
    }
    return report;
  }

  /** KPIs per group key of `query.groupBy` ('' without one). */
  async valuesBy(query: KpiReportQuery): Promise<Map<string, KpiValues>> {
    const [sums, live] = await Promise.all([
      this.sums(query, query.groupBy),
      this.liveBreaches(query, query.groupBy),
    ]);
    const keys = [...new Set([...sums.keys(), ...live.keys()])].sort();
    return new Map(
      keys.map(key => [key, kpiValuesOf(sums.get(key) ?? {}, live.get(key))]),
    );
  }

  /** The services with the most incidents opened on the days [fromDay, toDay). */
  async topServices(fromDay: string, toDay: string, limit: number) {
    const rows = (await this.db('itsm_kpi_service_daily')
      .where('day', '>=', fromDay)
      .where('day', '<', toDay)
      .groupBy('entity_ref')
      .select('entity_ref')
      .sum({ opened: 'opened' })
      .havingRaw('sum(opened) > 0')
      .orderBy([
        { column: 'opened', order: 'desc' },
        { column: 'entity_ref', order: 'asc' },
      ])
      .limit(limit)) as Array<{ entity_ref: string; opened: Num }>;
    return rows.map(r => ({
      entityRef: r.entity_ref,
      opened: Number(r.opened),
    }));
  }

  /**
   * The rollup that answers a query with the fewest rows: a service's own
   * rows, a group's, or the estate's (without groups: at 200 groups the
   * group grain has about one row per incident).
   */
  private rollupFor(
    query: KpiReportQuery,
    groupBy: KpiGroupBy | undefined,
  ): KpiRollupTable {
    if (query.entityRef || query.entityRefs || groupBy === 'service') {
      return 'itsm_kpi_service_daily';
    }
    if (query.group !== undefined || groupBy === 'group') {
      return 'itsm_kpi_group_daily';
    }
    return 'itsm_kpi_daily';
  }

  /** Summed measures per group key ('' without groupBy). */
  private async sums(
    query: KpiReportQuery,
    groupBy: KpiGroupBy | undefined,
  ): Promise<Map<string, KpiMeasures>> {
    const table = this.rollupFor(query, groupBy);
    const q = this.db(table)
      .where('day', '>=', query.fromDay)
      .where('day', '<', query.toDay);
    if (query.entityRef) q.where('entity_ref', query.entityRef);
    if (query.entityRefs) q.whereIn('entity_ref', query.entityRefs);
    if (query.group !== undefined) q.where('assigned_group', query.group);
    const key = groupBy ? ROLLUP_KEY[groupBy] : undefined;
    if (key) q.groupBy(key).select({ group_key: key });
    q.select(
      KPI_MEASURES.map(m =>
        this.db.raw('sum(??) as ??', [measureColumn(m), measureColumn(m)]),
      ),
    );
    const rows = (await q) as Array<Record<string, Num>>;
    return new Map(
      rows.map(row => [
        key ? String(row.group_key ?? '') : '',
        Object.fromEntries(
          KPI_MEASURES.map(m => [m, Number(row[measureColumn(m)] ?? 0)]),
        ) as KpiMeasures,
      ]),
    );
  }

  /** Open incidents restricted to the query's service or group. */
  private incidents(query: KpiReportQuery) {
    const q = this.db('itsm_incidents as i');
    if (query.entityRef) {
      q.join('itsm_incident_services as s', 's.incident_id', 'i.id').where(
        's.entity_ref',
        query.entityRef,
      );
    }
    if (query.entityRefs) {
      // Each incident once, however many of the services it is on.
      const refs = query.entityRefs;
      q.whereExists(sub =>
        sub
          .select(1)
          .from('itsm_incident_services as ss')
          .whereRaw('ss.incident_id = i.id')
          .whereIn('ss.entity_ref', refs),
      );
    }
    if (query.group !== undefined) {
      if (query.group === '') q.whereNull('i.assigned_group');
      else q.where('i.assigned_group', query.group);
    }
    return q;
  }

  /**
   * SLA targets due in the period, already past due, whose clock still runs:
   * breached, but not in the rollups (whether they are depends on now).
   */
  private async liveBreaches(
    query: KpiReportQuery,
    groupBy: KpiGroupBy | undefined,
  ): Promise<Map<string, { response: number; resolution: number }>> {
    const out = new Map<string, { response: number; resolution: number }>();
    const now = this.time.toDb(query.now);
    const kinds = [
      ['response', 'i.response_due_at', 'i.acknowledged_at'],
      ['resolution', 'i.resolution_due_at', 'i.resolved_at'],
    ] as const;
    await Promise.all(
      kinds.map(async ([kind, due, stop]) => {
        const q = this.incidents(query)
          .whereIn('i.status', RUNNING)
          .whereNull(stop)
          .where(due, '>=', this.time.toDb(`${query.fromDay}T00:00:00Z`))
          .where(due, '<', this.time.toDb(`${query.toDay}T00:00:00Z`))
          .where(due, '<', now)
          .count({ n: '*' });
        let column: string | undefined;
        if (groupBy === 'service') {
          if (!query.entityRef) {
            q.join('itsm_incident_services as s', 's.incident_id', 'i.id');
            if (query.entityRefs) q.whereIn('s.entity_ref', query.entityRefs);
          }
          column = 's.entity_ref';
        } else if (groupBy === 'week' || groupBy === 'month') {
          column = this.dayOf(due);
        } else if (groupBy) {
          column = INCIDENT_KEY[groupBy];
        }
        if (column) {
          q.select(this.db.raw(`${column} as group_key`)).groupByRaw(column);
        }
        const rows = (await q) as Array<{ group_key?: Num; n: Num }>;
        for (const row of rows) {
          let key = column ? String(row.group_key ?? '') : '';
          if (groupBy === 'week') key = isoWeekOf(key);
          if (groupBy === 'month') key = key.slice(0, 7);
          const entry = out.get(key) ?? { response: 0, resolution: 0 };
          entry[kind] += Number(row.n ?? 0);
          out.set(key, entry);
        }
      }),
    );
    return out;
  }

  private async backlog(query: KpiReportQuery): Promise<KpiBacklog> {
    const now = Date.parse(query.now);
    const since = (days: number) =>
      this.time.toDb(new Date(now - days * DAY).toISOString());
    const bounds = [1, 3, 7, 30];
    const cases = bounds.map((days, i) =>
      this.db.raw(
        `sum(case when i.detected_at >= ? then 1 else 0 end) as b${i}`,
        [since(days)],
      ),
    );
    const row = (await this.incidents(query)
      .whereIn('i.status', OPEN)
      .count({ n: '*' })
      .select(cases)
      .first()) as Record<string, Num>;
    const open = Number(row?.n ?? 0);
    // b_i counts those younger than bound i: bucket i is b_i − b_(i−1),
    // the buckets backlogAgeBucket (itsm-common) gives one incident.
    const younger = bounds.map((_, i) => Number(row?.[`b${i}`] ?? 0));
    const counts = [
      younger[0],
      younger[1] - younger[0],
      younger[2] - younger[1],
      younger[3] - younger[2],
      open - younger[3],
    ];
    const byAge = Object.fromEntries(
      KPI_BACKLOG_AGE_BUCKETS.map((bucket, i) => [bucket, counts[i]]),
    ) as KpiBacklog['byAge'];
    return { open, byAge };
  }

  private async changes(query: KpiReportQuery): Promise<KpiReport['changes']> {
    const q = this.db('itsm_changes as c')
      .where('c.status', 'closed')
      .where('c.closed_at', '>=', this.time.toDb(`${query.fromDay}T00:00:00Z`))
      .where('c.closed_at', '<', this.time.toDb(`${query.toDay}T00:00:00Z`))
      .count({ closed: '*' })
      .select(
        this.db.raw(
          `sum(case when c.outcome in ('failed', 'rolled_back') then 1 else 0 end) as failed`,
        ),
      );
    if (query.entityRef) {
      q.join('itsm_change_services as s', 's.change_id', 'c.id').where(
        's.entity_ref',
        query.entityRef,
      );
    }
    if (query.entityRefs) {
      const refs = query.entityRefs;
      q.whereExists(sub =>
        sub
          .select(1)
          .from('itsm_change_services as cs')
          .whereRaw('cs.change_id = c.id')
          .whereIn('cs.entity_ref', refs),
      );
    }
    const row = (await q.first()) as { closed: Num; failed: Num } | undefined;
    const closed = Number(row?.closed ?? 0);
    const failed = Number(row?.failed ?? 0);
    return {
      closed,
      failed,
      changeFailureRate: changeFailureRate(closed, failed),
    };
  }

  /** Problems on the query's service(s), or owned by its group. */
  private problemsOf(query: KpiReportQuery) {
    const q = this.db('itsm_problems as p');
    const refs = query.entityRef ? [query.entityRef] : query.entityRefs;
    if (refs) {
      // A service may be on a problem twice (linked and added by hand).
      q.whereIn(
        'p.id',
        this.db('itsm_problem_services')
          .whereIn('entity_ref', refs)
          .select('problem_id'),
      );
    }
    if (query.group) q.where('p.owner_group', query.group);
    return q;
  }

  private async problems(
    query: KpiReportQuery,
  ): Promise<KpiReport['problems']> {
    const start = this.time.toDb(`${query.fromDay}T00:00:00Z`);
    const end = this.time.toDb(`${query.toDay}T00:00:00Z`);
    const row = (await this.problemsOf(query)
      .select(
        this.db.raw(
          'sum(case when p.created_at >= ? and p.created_at < ? then 1 else 0 end) as opened',
          [start, end],
        ),
      )
      .select(
        this.db.raw(
          `sum(case when p.status not in ('resolved', 'closed') then 1 else 0 end) as open_now`,
        ),
      )
      .first()) as { opened: Num; open_now: Num } | undefined;
    const open = Number(row?.open_now ?? 0);
    return {
      opened: Number(row?.opened ?? 0),
      open,
      medianOpenAgeMs: await this.medianOpenProblemAge(query, open),
    };
  }

  /**
   * The nearest-rank median age of the open problems: the rank-th youngest,
   * i.e. the rank-th newest creation, read as one row through an offset (no
   * dialect has the same percentile function).
   */
  private async medianOpenProblemAge(
    query: KpiReportQuery,
    open: number,
  ): Promise<number | null> {
    if (open === 0) return null;
    const row = (await this.problemsOf(query)
      .whereNotIn('p.status', PROBLEM_DONE)
      .select('p.created_at')
      .orderBy([
        { column: 'p.created_at', order: 'desc' },
        { column: 'p.id', order: 'asc' },
      ])
      .offset(percentileRank(open, 0.5) - 1)
      .limit(1)
      .first()) as { created_at: Date | string } | undefined;
    if (!row) return null;
    return Math.max(
      0,
      Date.parse(query.now) - Date.parse(this.time.fromDb(row.created_at)),
    );
  }

  /**
   * Pending action items, and those past their due day (a calendar day:
   * overdue from the day after): of the incidents on the service(s), or
   * owned by the group or of the incidents assigned to it.
   */
  private async actionItems(
    query: KpiReportQuery,
  ): Promise<KpiReport['actionItems']> {
    const today = query.now.slice(0, 10);
    const q = this.db('itsm_action_items as a')
      .whereIn('a.status', ACTION_ITEM_PENDING)
      .count({ open: '*' })
      .select(
        this.db.raw(
          'sum(case when a.due_date < ? then 1 else 0 end) as overdue',
          [today],
        ),
      );
    const refs = query.entityRef ? [query.entityRef] : query.entityRefs;
    if (refs) {
      q.whereExists(sub =>
        sub
          .select(1)
          .from('itsm_incident_services as ais')
          .whereRaw('ais.incident_id = a.incident_id')
          .whereIn('ais.entity_ref', refs),
      );
    }
    const group = query.group;
    if (group) {
      q.where(owned =>
        owned
          .where('a.owner', group)
          .orWhereExists(sub =>
            sub
              .select(1)
              .from('itsm_incidents as ai')
              .whereRaw('ai.id = a.incident_id')
              .where('ai.assigned_group', group),
          ),
      );
    }
    const row = (await q.first()) as { open: Num; overdue: Num } | undefined;
    return {
      open: Number(row?.open ?? 0),
      overdue: Number(row?.overdue ?? 0),
    };
  }

  /** `YYYY-MM-DD` of a time column, in UTC, in each dialect. */
  private dayOf(column: string): string {
    const client = String(this.db.client.config.client);
    if (client === 'pg') {
      return `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;
    }
    if (client.startsWith('mysql')) return `date_format(${column}, '%Y-%m-%d')`;
    return `substr(${column}, 1, 10)`;
  }
}
