import { migratedClient } from './migratedClient';
import { eventColumns } from './eventColumns';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  OPEN_INCIDENT_STATUSES,
  SlaComplianceCounts,
  SlaComplianceGroupBy,
  SlaComplianceReport,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { IncidentQueryFilter } from '../permissions/rules';
import { DbTime } from './DbTime';
import { NewTimelineEvent } from './IncidentStore';
import { applyPermissionFilter } from './permissionFilter';

export type SlaTargetKind = 'response' | 'resolution';
export type SlaStage = 'warning' | 'breach';

const STOP_COLUMN: Record<SlaTargetKind, string> = {
  response: 'acknowledged_at',
  resolution: 'resolved_at',
};

const KINDS: SlaTargetKind[] = ['response', 'resolution'];
const DAY_MS = 24 * 3600_000;

/** Sums counts of the same key across parts; keys the parts never had are left out. */
function mergeCounts(parts: GroupCounts[][]): GroupCounts[] {
  const byKey = new Map<string, GroupCounts>();
  for (const row of parts.flat()) {
    const entry = byKey.get(row.key) ?? { key: row.key, met: 0, breached: 0 };
    entry.met += row.met;
    entry.breached += row.breached;
    byKey.set(row.key, entry);
  }
  return [...byKey.values()];
}

/** An SLA event due to be recorded on an incident. */
export interface DueSlaEvent {
  id: string;
  ref: string;
  kind: SlaTargetKind;
  stage: SlaStage;
  /** The warning or due time that was reached. */
  at: string;
}

/**
 * SLA bookkeeping in SQL: which warnings and breaches are due to be
 * recorded, recording each exactly once, and compliance aggregates.
 */
export class DatabaseSlaStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseSlaStore> {
    return new DatabaseSlaStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  /**
   * Warnings reached by running clocks, and breaches: clocks stopped after
   * their due time or still running past it. Paused (on hold) and cancelled
   * incidents are left out; a breach is found again after a resume.
   */
  async findDue(
    kind: SlaTargetKind,
    stage: SlaStage,
    now: string,
    limit: number,
  ): Promise<DueSlaEvent[]> {
    const stop = STOP_COLUMN[kind];
    const mark = `${kind}_${stage === 'warning' ? 'warned' : 'breached'}_at`;
    const threshold = `${kind}_${stage === 'warning' ? 'warning' : 'due'}_at`;
    const nowDb = this.time.toDb(now);
    const query = this.db('itsm_incidents')
      .whereNull(mark)
      .whereNotNull(threshold)
      .whereNot('status', 'cancelled')
      .where(outer => {
        outer.where(running =>
          running
            .whereNull(stop)
            .whereIn(
              'status',
              OPEN_INCIDENT_STATUSES.filter(s => s !== 'on_hold'),
            )
            .where(threshold, '<=', nowDb),
        );
        if (stage === 'breach') {
          outer.orWhereRaw(`${stop} > ${threshold}`);
        }
      })
      .select('id', 'ref', threshold)
      .orderBy(threshold)
      .limit(limit);
    const rows = await query;
    return rows.map(row => ({
      id: row.id,
      ref: row.ref,
      kind,
      stage,
      at: this.time.fromDb(row[threshold]),
    }));
  }

  /**
   * Sets the warned/breached mark and appends the timeline event in one
   * transaction, only if the mark was not set yet. Returns whether this call
   * recorded it: two monitors racing record it once.
   */
  async recordOnce(
    due: DueSlaEvent,
    event: NewTimelineEvent,
    at: string,
  ): Promise<boolean> {
    const mark = `${due.kind}_${
      due.stage === 'warning' ? 'warned' : 'breached'
    }_at`;
    return this.db.transaction(async tx => {
      const updated = await tx('itsm_incidents')
        .where({ id: due.id })
        .whereNull(mark)
        .update({ [mark]: this.time.toDb(at) });
      if (updated !== 1) return false;
      await tx('itsm_timeline_events').insert({
        incident_id: due.id,
        ...eventColumns(event, at, this.time),
      });
      return true;
    });
  }

  /**
   * Met and breached counts of incidents whose target fell in [from, to),
   * per kind of target, optionally per month (UTC) or per priority.
   * A target is met when its clock stopped by the due time, breached when it
   * stopped later or is still running past it; targets not yet due, paused
   * clocks and cancelled incidents do not count.
   */
  async compliance(options: {
    from: string;
    to: string;
    now: string;
    entityRef?: string;
    groupBy?: SlaComplianceGroupBy;
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>;
    /** Count from the incidents only, not the rollups (tests compare both). */
    fromIncidents?: boolean;
  }): Promise<SlaComplianceReport> {
    const [response, resolution] =
      options.permissionFilter || options.fromIncidents
        ? await Promise.all(KINDS.map(kind => this.countByGroup(kind, options)))
        : await this.countFromRollups(options);
    const total = (rows: GroupCounts[]) =>
      counts(
        rows.reduce((a, r) => a + r.met, 0),
        rows.reduce((a, r) => a + r.breached, 0),
      );
    const report: SlaComplianceReport = {
      entityRef: options.entityRef,
      from: options.from,
      to: options.to,
      groupBy: options.groupBy,
      response: total(response),
      resolution: total(resolution),
    };
    if (options.groupBy) {
      const keys = [
        ...new Set([...response, ...resolution].map(r => r.key)),
      ].sort();
      const find = (rows: GroupCounts[], key: string) =>
        rows.find(r => r.key === key) ?? { key, met: 0, breached: 0 };
      report.groups = keys.map(key => ({
        key,
        response: counts(find(response, key).met, find(response, key).breached),
        resolution: counts(
          find(resolution, key).met,
          find(resolution, key).breached,
        ),
      }));
    }
    return report;
  }

  /**
   * The same counts, from the daily KPI rollups for the whole UTC days of
   * the period that are over (a year of the estate is a few thousand rows),
   * and from the incidents for the rest: the partial days at either end (a
   * day of due times, through their index), and the clocks still running
   * (open incidents, through theirs), which the rollups leave out because
   * whether they are breached depends on now. A permission filter applies to
   * incidents, not to counts: filtered callers are counted from the
   * incidents alone.
   */
  private async countFromRollups(options: {
    from: string;
    to: string;
    now: string;
    entityRef?: string;
    groupBy?: SlaComplianceGroupBy;
  }): Promise<[GroupCounts[], GroupCounts[]]> {
    const startOfDay = (iso: string) => `${iso.slice(0, 10)}T00:00:00.000Z`;
    const dayAfter = (iso: string) =>
      new Date(Date.parse(startOfDay(iso)) + DAY_MS).toISOString();
    const from = new Date(options.from).toISOString();
    const to = new Date(options.to).toISOString();
    const now = new Date(options.now).toISOString();
    // Whole days [first, end): after from's day starts, before to's and now's.
    const first = startOfDay(from) === from ? from : dayAfter(from);
    const lastBound = startOfDay(to < now ? to : now);
    if (first >= lastBound) {
      return (await Promise.all(
        KINDS.map(kind => this.countByGroup(kind, options)),
      )) as [GroupCounts[], GroupCounts[]];
    }
    if (options.entityRef) {
      // One service's incidents are few: one pass per clock over them
      // counts both partial days and the running clocks between, beside
      // the rollups, all in one statement (a round trip costs more here
      // than the index scans behind it).
      const besideRollup = { first, lastBound };
      const parts = KINDS.flatMap(kind => [
        this.rollupQuery(kind, options, first, lastBound).select(
          this.db.raw(`'rollup' as part`),
        ),
        this.countByGroupQuery(kind, { ...options, besideRollup }).select(
          this.db.raw(`'incidents' as part`),
        ),
      ]);
      // Not a prepared statement: with the period's bounds as parameters,
      // PostgreSQL's generic plan read the whole due index (seconds)
      const rows = (await this.db.queryBuilder().unionAll(parts)) as Array<
        CountRow & { part: 'rollup' | 'incidents'; kind: SlaTargetKind }
      >;
      return KINDS.map(kind =>
        mergeCounts([
          rollupGroupCounts(
            rows.filter(row => row.kind === kind && row.part === 'rollup'),
          ),
          rows
            .filter(row => row.kind === kind && row.part === 'incidents')
            .map(groupCounts),
        ]),
      ) as [GroupCounts[], GroupCounts[]];
    }
    const edges = [
      { ...options, to: first },
      { ...options, from: lastBound },
    ].filter(edge => edge.from < edge.to);
    const parts = await Promise.all([
      this.rollupCounts(options, first, lastBound),
      ...KINDS.map(kind =>
        this.countByGroup(kind, {
          ...options,
          from: first,
          to: lastBound,
          runningOnly: true,
        }),
      ),
      ...edges.flatMap(edge =>
        KINDS.map(kind => this.countByGroup(kind, edge)),
      ),
    ]);
    const [rollup, ...raw] = parts as [
      Record<SlaTargetKind, GroupCounts[]>,
      ...GroupCounts[][],
    ];
    // raw alternates response, resolution
    const merged = KINDS.map((kind, k) =>
      mergeCounts([rollup[kind], ...raw.filter((_, i) => i % 2 === k)]),
    );
    return merged as [GroupCounts[], GroupCounts[]];
  }

  /** Stopped (and never-stopping) clocks due on the days [first, lastBound). */
  private async rollupCounts(
    options: { entityRef?: string; groupBy?: SlaComplianceGroupBy },
    first: string,
    lastBound: string,
  ): Promise<Record<SlaTargetKind, GroupCounts[]>> {
    const rows = (await this.db
      .queryBuilder()
      .unionAll(
        KINDS.map(kind => this.rollupQuery(kind, options, first, lastBound)),
      )) as Array<CountRow & { kind: SlaTargetKind }>;
    const of = (kind: SlaTargetKind) =>
      rollupGroupCounts(rows.filter(row => row.kind === kind));
    return { response: of('response'), resolution: of('resolution') };
  }

  /**
   * One clock's counts from the rollups of the whole UTC days [first,
   * lastBound), as rows of (group_key, kind, met, breached).
   */
  private rollupQuery(
    kind: SlaTargetKind,
    options: { entityRef?: string; groupBy?: SlaComplianceGroupBy },
    first: string,
    lastBound: string,
  ): Knex.QueryBuilder {
    const query = this.db(
      options.entityRef ? 'itsm_kpi_service_daily' : 'itsm_kpi_daily',
    )
      .where('day', '>=', first.slice(0, 10))
      .where('day', '<', lastBound.slice(0, 10));
    if (options.entityRef) query.where('entity_ref', options.entityRef);
    const key = options.groupBy;
    if (key) query.groupBy(key).select({ group_key: key });
    else query.select(this.db.raw(`'all' as group_key`));
    return query.select(
      this.db.raw(`'${kind}' as kind`),
      this.db.raw('sum(??) as met', [`${kind}_met`]),
      this.db.raw('sum(??) + sum(??) as breached', [
        `${kind}_breached`,
        `${kind}_unstopped`,
      ]),
    );
  }

  private async countByGroup(
    kind: SlaTargetKind,
    options: Parameters<DatabaseSlaStore['countByGroupQuery']>[1],
  ): Promise<GroupCounts[]> {
    const rows = (await this.countByGroupQuery(kind, options)) as CountRow[];
    return rows.map(groupCounts);
  }

  /**
   * One clock's counts from the incidents, as rows of (group_key, kind,
   * met, breached).
   */
  private countByGroupQuery(
    kind: SlaTargetKind,
    options: {
      from: string;
      to: string;
      now: string;
      entityRef?: string;
      groupBy?: SlaComplianceGroupBy;
      permissionFilter?: PermissionCriteria<IncidentQueryFilter>;
      /** Only open incidents' unstopped clocks (the part the rollups leave out). */
      runningOnly?: boolean;
      /**
       * Only what the rollups of the whole days [first, lastBound) leave
       * out: clocks due outside those days, and running clocks within.
       */
      besideRollup?: { first: string; lastBound: string };
    },
  ): Knex.QueryBuilder {
    const due = `i.${kind}_due_at`;
    const stop = `i.${STOP_COLUMN[kind]}`;
    const now = this.time.toDb(options.now);
    const query = this.db('itsm_incidents as i')
      .where(due, '>=', this.time.toDb(options.from))
      .where(due, '<', this.time.toDb(options.to))
      .whereNot('i.status', 'cancelled');
    if (options.runningOnly) {
      // Paused clocks count neither way, but their group is still listed
      // (with zeros), as counting every incident lists it.
      query.whereIn('i.status', OPEN_INCIDENT_STATUSES).whereNull(stop);
    }
    const beside = options.besideRollup;
    if (beside) {
      query.where(part =>
        part
          .where(due, '<', this.time.toDb(beside.first))
          .orWhere(due, '>=', this.time.toDb(beside.lastBound))
          .orWhere(running =>
            running.whereIn('i.status', OPEN_INCIDENT_STATUSES).whereNull(stop),
          ),
      );
    }
    if (options.entityRef) {
      query
        .join('itsm_incident_services as s', 's.incident_id', 'i.id')
        .where('s.entity_ref', options.entityRef);
    }
    if (options.permissionFilter) {
      applyPermissionFilter(query, options.permissionFilter);
    }
    let key = `'all'`;
    if (options.groupBy === 'month') key = this.monthOf(due);
    if (options.groupBy === 'priority') key = 'i.priority';
    return query
      .select(this.db.raw(`${key} as group_key`))
      .select(this.db.raw(`'${kind}' as kind`))
      .select(
        this.db.raw(
          `sum(case when ${stop} is not null and ${stop} <= ${due} then 1 else 0 end) as met`,
        ),
      )
      .select(
        this.db.raw(
          `sum(case when (${stop} is not null and ${stop} > ${due}) or (${stop} is null and i.status <> 'on_hold' and ${due} < ?) then 1 else 0 end) as breached`,
          [now],
        ),
      )
      .groupByRaw(key === `'all'` ? '1' : key);
  }

  /** `YYYY-MM` of a time column, in UTC, in each dialect. */
  private monthOf(column: string): string {
    const client = String(this.db.client.config.client);
    if (client === 'pg')
      return `to_char(${column} at time zone 'UTC', 'YYYY-MM')`;
    if (client === 'mysql' || client === 'mysql2') {
      return `date_format(${column}, '%Y-%m')`;
    }
    return `substr(${column}, 1, 7)`;
  }
}

type GroupCounts = { key: string; met: number; breached: number };

/** A row of counts as read: drivers return sums as numbers or strings. */
type CountRow = {
  group_key: string | number;
  met: string | number | null;
  breached: string | number | null;
};

function groupCounts(row: CountRow): GroupCounts {
  return {
    key: String(row.group_key),
    met: Number(row.met ?? 0),
    breached: Number(row.breached ?? 0),
  };
}

/** Rollup rows as counts; groups that counted nothing are left out. */
function rollupGroupCounts(rows: CountRow[]): GroupCounts[] {
  return rows.map(groupCounts).filter(r => r.met + r.breached > 0);
}

function counts(met: number, breached: number): SlaComplianceCounts {
  return {
    met,
    breached,
    compliance: met + breached === 0 ? null : met / (met + breached),
  };
}
