import { idOrRefWhere } from './idOrRef';
import { migratedClient } from './migratedClient';
import { eventColumns } from './eventColumns';
import { nextRef } from './sequences';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Change,
  ChangeApproval,
  ChangeEvent,
  ChangeMetricsRow,
  Page,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  CausedIncident,
  ChangeFields,
  ChangeListFilter,
  ChangeStore,
  ChangeUpdate,
  ChangeWindow,
  NewChangeApproval,
  NewChangeEvent,
} from './ChangeStore';
import {
  newestFirstPage,
  nextPageCursor,
  oldestFirstEvents,
} from './keysetPage';
import { DbTime } from './DbTime';

type Time = Date | string;

type ChangeRow = {
  id: string;
  ref: string;
  title: string;
  description: string;
  type: Change['type'];
  risk: Change['risk'];
  status: Change['status'];
  primary_service: string;
  requester: string;
  planned_start: Time;
  planned_end: Time;
  actual_start: Time | null;
  actual_end: Time | null;
  implementation_plan: string;
  backout_plan: string;
  test_plan: string;
  problem_ref: string | null;
  outcome: Change['outcome'] | null;
  outcome_notes: string | null;
  freeze_override_reason: string | null;
  approval_round: number;
  closed_at: Time | null;
  version: number;
  created_at: Time;
  updated_at: Time;
};

const COLUMNS: Record<keyof ChangeFields, keyof ChangeRow | undefined> = {
  title: 'title',
  description: 'description',
  type: 'type',
  risk: 'risk',
  status: 'status',
  affectedServices: undefined,
  requester: 'requester',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  implementationPlan: 'implementation_plan',
  backoutPlan: 'backout_plan',
  testPlan: 'test_plan',
  problemRef: 'problem_ref',
  outcome: 'outcome',
  outcomeNotes: 'outcome_notes',
  freezeOverrideReason: 'freeze_override_reason',
  approvalRound: 'approval_round',
  closedAt: 'closed_at',
};

const TIME_FIELDS = new Set([
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'closedAt',
]);

const CLOSED = ['closed', 'cancelled'];

/** Changes on Backstage's database (SQLite, PostgreSQL, MySQL). */
export class DatabaseChangeStore implements ChangeStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseChangeStore> {
    return new DatabaseChangeStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createChange(
    fields: ChangeFields,
    event: NewChangeEvent,
    at: string,
  ): Promise<Change> {
    const id = uuid();
    await this.db.transaction(async tx => {
      await tx('itsm_changes').insert({
        id,
        ref: await nextRef(tx, 'change', 'CHG'),
        ...this.toColumns(fields),
        version: 1,
        created_at: this.time.toDb(at),
        updated_at: this.time.toDb(at),
      });
      await this.insertServices(tx, id, fields);
      await this.insertEvents(tx, id, [event], at);
    });
    return (await this.getChange(id))!;
  }

  async getChange(idOrRef: string): Promise<Change | undefined> {
    const [column, value] = idOrRefWhere(idOrRef);
    const row = await this.db<ChangeRow>('itsm_changes')
      .where(column, value)
      .first();
    if (!row) return undefined;
    const [change] = await this.withServices([row]);
    return change;
  }

  async listChanges(filter: ChangeListFilter): Promise<Page<Change>> {
    const query = this.db<ChangeRow>('itsm_changes as c');
    // A service's changes are read in the order of its own index.
    const start = filter.entityRef ? 's.planned_start' : 'c.planned_start';
    const end = filter.entityRef ? 's.planned_end' : 'c.planned_end';
    const idColumn = filter.entityRef ? 's.change_id' : 'c.id';
    if (filter.entityRef) {
      query
        .join('itsm_change_services as s', 's.change_id', 'c.id')
        .where('s.entity_ref', filter.entityRef);
    }
    if (filter.status?.length) {
      query.whereIn(filter.entityRef ? 's.status' : 'c.status', filter.status);
    }
    if (filter.from) query.where(end, '>', this.time.toDb(filter.from));
    if (filter.to) query.where(start, '<', this.time.toDb(filter.to));

    const { rows, hasMore, totalCount } = await newestFirstPage<ChangeRow>(
      query,
      {
        timeColumn: start,
        idColumn,
        limit: filter.limit,
        cursor: filter.cursor,
        time: this.time,
        select: 'c.*',
        withTotal: true,
      },
    );
    const items = await this.withServices(rows);
    const last = items[items.length - 1];
    return {
      items,
      totalCount,
      nextCursor: nextPageCursor(hasMore, last && [last.plannedStart, last.id]),
    };
  }

  async findWindows(options: {
    services: string[];
    start: string;
    end: string;
  }): Promise<ChangeWindow[]> {
    if (!options.services.length) return [];
    const rows = (await this.db('itsm_change_services as s')
      .join('itsm_changes as c', 'c.id', 's.change_id')
      .whereIn('s.entity_ref', options.services)
      .whereNotIn('s.status', CLOSED)
      .where('s.planned_start', '<', this.time.toDb(options.end))
      .where('s.planned_end', '>', this.time.toDb(options.start))
      .select(
        'c.id',
        'c.ref',
        'c.title',
        's.entity_ref',
        's.planned_start',
        's.planned_end',
      )) as Array<{
      id: string;
      ref: string;
      title: string;
      entity_ref: string;
      planned_start: Time;
      planned_end: Time;
    }>;
    const byId = new Map<string, ChangeWindow>();
    for (const row of rows) {
      const window = byId.get(row.id) ?? {
        id: row.id,
        ref: row.ref,
        title: row.title,
        services: [],
        start: this.time.fromDb(row.planned_start),
        end: this.time.fromDb(row.planned_end),
      };
      window.services.push(row.entity_ref);
      byId.set(row.id, window);
    }
    return [...byId.values()];
  }

  async updateChange(
    id: string,
    expectedVersion: number,
    changes: ChangeUpdate,
    events: NewChangeEvent[],
    at: string,
    approval?: NewChangeApproval,
  ): Promise<Change> {
    await this.db.transaction(async tx => {
      const updated = await tx('itsm_changes')
        .where({ id, version: expectedVersion })
        .update({
          ...this.toColumns(changes),
          version: expectedVersion + 1,
          updated_at: this.time.toDb(at),
        });
      if (updated !== 1) {
        const current = await tx('itsm_changes').where({ id }).first('version');
        if (!current) throw new NotFoundError(`No change with id ${id}`);
        throw new ConflictError(
          `Change was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
        );
      }
      const row = await tx<ChangeRow>('itsm_changes').where({ id }).first();
      if (changes.affectedServices) {
        await tx('itsm_change_services').where({ change_id: id }).delete();
        await this.insertServices(tx, id, {
          affectedServices: changes.affectedServices,
          status: row!.status,
          plannedStart: this.time.fromDb(row!.planned_start),
          plannedEnd: this.time.fromDb(row!.planned_end),
        });
      } else if (changes.status || changes.plannedStart || changes.plannedEnd) {
        await tx('itsm_change_services').where({ change_id: id }).update({
          status: row!.status,
          planned_start: row!.planned_start,
          planned_end: row!.planned_end,
        });
      }
      if (approval) {
        await tx('itsm_change_approvals')
          .insert({
            change_id: id,
            round: approval.round,
            approver: approval.approver,
            group_ref: approval.group ?? null,
            decision: approval.decision,
            comment: approval.comment ?? null,
            at: this.time.toDb(at),
          })
          .catch(error => {
            // The unique index keeps one decision per approver and round,
            // also between two concurrent requests
            if (isUniqueViolation(error)) {
              throw new ConflictError(
                `${approval.approver} already decided in round ${approval.round} of approvals`,
              );
            }
            throw error;
          });
      }
      await this.insertEvents(tx, id, events, at);
    });
    return (await this.getChange(id))!;
  }

  async listApprovals(changeId: string): Promise<ChangeApproval[]> {
    const rows = await this.db('itsm_change_approvals')
      .where({ change_id: changeId })
      .orderBy('id', 'asc');
    return rows.map(row => ({
      id: String(row.id),
      approver: row.approver,
      group: row.group_ref ?? undefined,
      decision: row.decision,
      comment: row.comment ?? undefined,
      round: Number(row.round),
      at: this.time.fromDb(row.at),
    }));
  }

  async listEvents(
    changeId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ChangeEvent>> {
    return oldestFirstEvents(
      this.db('itsm_change_events').where('change_id', changeId),
      options,
      (row: any): ChangeEvent => ({
        id: String(row.id),
        changeId: row.change_id,
        type: row.type,
        actor: row.actor,
        at: this.time.fromDb(row.at),
        message: row.message,
        before: row.before_json ? JSON.parse(row.before_json) : undefined,
        after: row.after_json ? JSON.parse(row.after_json) : undefined,
      }),
    );
  }

  async setIncidentCause(options: {
    incidentId: string;
    changeId: string | null;
    incidentEvent: {
      type: string;
      actor: string;
      message: string;
      before?: Record<string, unknown>;
      after?: Record<string, unknown>;
    };
    changeEvent: NewChangeEvent & { changeId: string };
    at: string;
  }): Promise<void> {
    const at = this.time.toDb(options.at);
    await this.db.transaction(async tx => {
      const updated = await tx('itsm_incidents')
        .where({ id: options.incidentId })
        .update({
          caused_by_change_id: options.changeId,
          version: tx.raw('version + 1'),
          updated_at: at,
        });
      if (updated !== 1) {
        throw new NotFoundError(`No incident with id ${options.incidentId}`);
      }
      const e = options.incidentEvent;
      await tx('itsm_timeline_events').insert({
        incident_id: options.incidentId,
        type: e.type,
        actor: e.actor,
        at,
        message: e.message,
        before_json: e.before ? JSON.stringify(e.before) : null,
        after_json: e.after ? JSON.stringify(e.after) : null,
      });
      await this.insertEvents(
        tx,
        options.changeEvent.changeId,
        [options.changeEvent],
        options.at,
      );
    });
  }

  async listCausedIncidents(changeId: string): Promise<CausedIncident[]> {
    const rows = await this.db('itsm_incidents')
      .where({ caused_by_change_id: changeId })
      .orderBy([
        { column: 'detected_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(500)
      .select('id', 'ref', 'title', 'status', 'priority');
    return rows.map(r => ({ ...r }));
  }

  async metrics(options: {
    entityRef?: string;
    from: string;
    to: string;
  }): Promise<ChangeMetricsRow[]> {
    const from = this.time.toDb(options.from);
    const to = this.time.toDb(options.to);
    const changes = this.db('itsm_change_services as s')
      .join('itsm_changes as c', 'c.id', 's.change_id')
      .where('c.status', 'closed')
      .where('c.closed_at', '>=', from)
      .where('c.closed_at', '<', to)
      .groupBy('s.entity_ref')
      .select('s.entity_ref')
      .count({ closed: '*' })
      .select(
        this.db.raw(
          `sum(case when c.outcome in ('failed', 'rolled_back') then 1 else 0 end) as failed`,
        ),
      );
    const incidents = this.db('itsm_incident_services as s')
      .join('itsm_incidents as i', 'i.id', 's.incident_id')
      .where('s.detected_at', '>=', from)
      .where('s.detected_at', '<', to)
      .groupBy('s.entity_ref')
      .select('s.entity_ref')
      .count({ incidents: '*' })
      .select(
        this.db.raw(
          'sum(case when i.caused_by_change_id is not null then 1 else 0 end) as caused',
        ),
      );
    if (options.entityRef) {
      changes.where('s.entity_ref', options.entityRef);
      incidents.where('s.entity_ref', options.entityRef);
    }
    const [changeRows, incidentRows] = (await Promise.all([
      changes,
      incidents,
    ])) as unknown as [
      Array<{ entity_ref: string; closed: Num; failed: Num }>,
      Array<{ entity_ref: string; incidents: Num; caused: Num }>,
    ];
    const rows = new Map<string, ChangeMetricsRow>();
    const rowFor = (entityRef: string) => {
      const row = rows.get(entityRef) ?? {
        entityRef,
        changesClosed: 0,
        changesFailed: 0,
        changeFailureRate: null,
        incidents: 0,
        incidentsCausedByChanges: 0,
        causedByChangeShare: null,
      };
      rows.set(entityRef, row);
      return row;
    };
    for (const r of changeRows) {
      const row = rowFor(r.entity_ref);
      row.changesClosed = Number(r.closed);
      row.changesFailed = Number(r.failed ?? 0);
      row.changeFailureRate = row.changesClosed
        ? row.changesFailed / row.changesClosed
        : null;
    }
    for (const r of incidentRows) {
      const row = rowFor(r.entity_ref);
      row.incidents = Number(r.incidents);
      row.incidentsCausedByChanges = Number(r.caused ?? 0);
      row.causedByChangeShare = row.incidents
        ? row.incidentsCausedByChanges / row.incidents
        : null;
    }
    return [...rows.values()].sort((a, b) =>
      a.entityRef.localeCompare(b.entityRef),
    );
  }

  async countChanges(): Promise<number> {
    const row = await this.db('itsm_changes').count({ count: '*' }).first();
    return Number((row as { count: string | number }).count);
  }

  private async insertServices(
    tx: Knex,
    changeId: string,
    fields: Pick<
      ChangeFields,
      'affectedServices' | 'status' | 'plannedStart' | 'plannedEnd'
    >,
  ) {
    const unique = [...new Set(fields.affectedServices)];
    await tx('itsm_change_services').insert(
      unique.map((entityRef, index) => ({
        change_id: changeId,
        entity_ref: entityRef,
        is_primary: index === 0,
        planned_start: this.time.toDb(fields.plannedStart),
        planned_end: this.time.toDb(fields.plannedEnd),
        status: fields.status,
      })),
    );
  }

  private async insertEvents(
    tx: Knex,
    changeId: string,
    events: NewChangeEvent[],
    at: string,
  ) {
    if (!events.length) return;
    await tx('itsm_change_events').insert(
      events.map(event => ({
        change_id: changeId,
        ...eventColumns(event, at, this.time),
      })),
    );
  }

  private toColumns(fields: ChangeUpdate): Record<string, unknown> {
    const columns: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      const column = COLUMNS[key as keyof ChangeFields];
      if (!column || value === undefined) continue;
      columns[column] =
        TIME_FIELDS.has(key) && value !== null
          ? this.time.toDb(value as string)
          : value;
    }
    if (fields.affectedServices) {
      columns.primary_service = fields.affectedServices[0];
    }
    return columns;
  }

  private async withServices(rows: ChangeRow[]): Promise<Change[]> {
    if (!rows.length) return [];
    const links = await this.db('itsm_change_services')
      .whereIn(
        'change_id',
        rows.map(r => r.id),
      )
      .orderBy([
        { column: 'change_id' },
        { column: 'is_primary', order: 'desc' },
        { column: 'entity_ref' },
      ])
      .select('change_id', 'entity_ref');
    const services = new Map<string, string[]>();
    for (const link of links) {
      const list = services.get(link.change_id) ?? [];
      list.push(link.entity_ref);
      services.set(link.change_id, list);
    }
    return rows.map(row => this.toChange(row, services.get(row.id) ?? []));
  }

  private toChange(row: ChangeRow, services: string[]): Change {
    const t = (v: Time | null) =>
      v === null ? undefined : this.time.fromDb(v);
    const opt = <T>(v: T | null) => (v === null ? undefined : v);
    return {
      id: row.id,
      ref: row.ref,
      title: row.title,
      description: row.description,
      type: row.type,
      risk: row.risk,
      status: row.status,
      affectedServices: services,
      requester: row.requester,
      plannedStart: this.time.fromDb(row.planned_start),
      plannedEnd: this.time.fromDb(row.planned_end),
      actualStart: t(row.actual_start),
      actualEnd: t(row.actual_end),
      implementationPlan: row.implementation_plan,
      backoutPlan: row.backout_plan,
      testPlan: row.test_plan,
      problemRef: opt(row.problem_ref),
      outcome: opt(row.outcome),
      outcomeNotes: opt(row.outcome_notes),
      freezeOverrideReason: opt(row.freeze_override_reason),
      approvalRound: Number(row.approval_round),
      closedAt: t(row.closed_at),
      createdAt: this.time.fromDb(row.created_at),
      updatedAt: this.time.fromDb(row.updated_at),
      version: Number(row.version),
    };
  }
}

type Num = number | string | null;

/** SQLite, PostgreSQL and MySQL spell a unique violation differently. */
function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number };
  return (
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === '23505' ||
    e?.code === 'ER_DUP_ENTRY' ||
    e?.errno === 1062
  );
}
