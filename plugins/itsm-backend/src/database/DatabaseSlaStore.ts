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
  }): Promise<SlaComplianceReport> {
    const kinds: SlaTargetKind[] = ['response', 'resolution'];
    const [response, resolution] = await Promise.all(
      kinds.map(kind => this.countByGroup(kind, options)),
    );
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

  private async countByGroup(
    kind: SlaTargetKind,
    options: {
      from: string;
      to: string;
      now: string;
      entityRef?: string;
      groupBy?: SlaComplianceGroupBy;
      permissionFilter?: PermissionCriteria<IncidentQueryFilter>;
    },
  ): Promise<GroupCounts[]> {
    const due = `i.${kind}_due_at`;
    const stop = `i.${STOP_COLUMN[kind]}`;
    const now = this.time.toDb(options.now);
    const query = this.db('itsm_incidents as i')
      .where(due, '>=', this.time.toDb(options.from))
      .where(due, '<', this.time.toDb(options.to))
      .whereNot('i.status', 'cancelled');
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
    const rows = await query
      .select(this.db.raw(`${key} as group_key`))
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
    return rows.map((row: any) => ({
      key: String(row.group_key),
      met: Number(row.met ?? 0),
      breached: Number(row.breached ?? 0),
    }));
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

function counts(met: number, breached: number): SlaComplianceCounts {
  return {
    met,
    breached,
    compliance: met + breached === 0 ? null : met / (met + breached),
  };
}
