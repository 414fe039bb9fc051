import { idOrRefWhere } from './idOrRef';
import { migratedClient } from './migratedClient';
import { eventColumns } from './eventColumns';
import { nextRef } from './sequences';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  CausedIncident,
  Change,
  ChangeApproval,
  ChangeEvent,
  ChangeMetricsRow,
  Page,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import {
  ChangeFields,
  ChangeListFilter,
  ChangeStore,
  ChangeUpdate,
  ChangeWindow,
  NewChangeApproval,
  NewChangeEvent,
  ProblemEventOfChange,
} from './ChangeStore';
import { escapeLike, insertProblemEvents } from './problemDb';
import {
  newestFirstPage,
  nextPageCursor,
  oldestFirstEvents,
} from './keysetPage';
import { DbTime } from './DbTime';
import { withKpiRollup } from './kpiRollup';
import {
  ChangeRow,
  changesWithServices,
  changeToColumns,
  insertChangeServices,
} from './changeRows';
import { changeMetrics } from './changeMetrics';
import { isUniqueViolation } from './uniqueViolation';
import { applyPermissionFilter } from './permissionFilter';
import { IncidentQueryFilter } from '../permissions/rules';
import { PermissionCriteria } from '@backstage/plugin-permission-common';

type Time = Date | string;

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
    problemEvents?: (created: {
      id: string;
      ref: string;
    }) => ProblemEventOfChange[],
  ): Promise<Change> {
    const id = uuid();
    await this.db.transaction(async tx => {
      const ref = await nextRef(tx, 'change', 'CHG');
      await tx('itsm_changes').insert({
        id,
        ref,
        ...changeToColumns(fields, this.time),
        version: 1,
        created_at: this.time.toDb(at),
        updated_at: this.time.toDb(at),
      });
      await insertChangeServices(tx, this.time, id, fields);
      await this.insertEvents(tx, id, [event], at);
      await this.insertProblemEvents(
        tx,
        problemEvents?.({ id, ref }) ?? [],
        at,
      );
    });
    return (await this.getChange(id))!;
  }

  async getChange(idOrRef: string): Promise<Change | undefined> {
    const [column, value] = idOrRefWhere(idOrRef);
    const row = await this.db<ChangeRow>('itsm_changes')
      .where(column, value)
      .first();
    if (!row) return undefined;
    const [change] = await changesWithServices(this.db, this.time, [row]);
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
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLocaleLowerCase('en-US'))}%`;
      query.where(inner =>
        inner
          .whereRaw(`lower(c.title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(c.ref) like ? escape '!'`, [pattern]),
      );
    }

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
    const items = await changesWithServices(this.db, this.time, rows);
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
    extras: {
      approval?: NewChangeApproval;
      problemEvents?: ProblemEventOfChange[];
    } = {},
  ): Promise<Change> {
    const { approval } = extras;
    await this.db.transaction(async tx => {
      const updated = await tx('itsm_changes')
        .where({ id, version: expectedVersion })
        .update({
          ...changeToColumns(changes, this.time),
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
        await insertChangeServices(tx, this.time, id, {
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
      await this.insertProblemEvents(tx, extras.problemEvents ?? [], at);
    });
    return (await this.getChange(id))!;
  }

  async listApprovals(changeId: string): Promise<ChangeApproval[]> {
    return (await this.listApprovalsOf([changeId])).get(changeId) ?? [];
  }

  async listApprovalsOf(
    changeIds: string[],
  ): Promise<Map<string, ChangeApproval[]>> {
    const byChange = new Map<string, ChangeApproval[]>();
    if (!changeIds.length) return byChange;
    const rows = await this.db('itsm_change_approvals')
      .whereIn('change_id', changeIds)
      .orderBy('id', 'asc');
    for (const row of rows) {
      const list = byChange.get(row.change_id) ?? [];
      list.push({
        id: String(row.id),
        approver: row.approver,
        group: row.group_ref ?? undefined,
        decision: row.decision,
        comment: row.comment ?? undefined,
        round: Number(row.round),
        at: this.time.fromDb(row.at),
      });
      byChange.set(row.change_id, list);
    }
    return byChange;
  }

  async findServiceChangesAround(options: {
    entityRef: string;
    from: string;
    to: string;
    limit: number;
  }): Promise<Change[]> {
    // The service's own rows, read off its calendar index
    const rows = await this.db<ChangeRow>('itsm_change_services as s')
      .join('itsm_changes as c', 'c.id', 's.change_id')
      .where('s.entity_ref', options.entityRef)
      .where('s.planned_start', '<', this.time.toDb(options.to))
      .where('s.planned_end', '>', this.time.toDb(options.from))
      .orderBy([
        { column: 's.planned_start', order: 'desc' },
        { column: 's.change_id', order: 'desc' },
      ])
      .limit(options.limit)
      .select('c.*');
    return changesWithServices(this.db, this.time, rows);
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
      // The caused-by-change share is a KPI: its rollups move with the link.
      const updated = await withKpiRollup(
        tx,
        this.time,
        options.incidentId,
        () =>
          tx('itsm_incidents')
            .where({ id: options.incidentId })
            .update({
              caused_by_change_id: options.changeId,
              version: tx.raw('version + 1'),
              updated_at: at,
            }),
      );
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

  async listCausedIncidents(
    changeId: string,
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<CausedIncident[]> {
    const query = this.db('itsm_incidents as i')
      .where('i.caused_by_change_id', changeId)
      .orderBy([
        { column: 'i.detected_at', order: 'desc' },
        { column: 'i.id', order: 'desc' },
      ])
      .limit(500)
      .select('i.id', 'i.ref', 'i.title', 'i.status', 'i.priority');
    if (permissionFilter) applyPermissionFilter(query, permissionFilter);
    const rows = await query;
    return rows.map(r => ({ ...r }));
  }

  async metrics(options: {
    entityRef?: string;
    from: string;
    to: string;
  }): Promise<ChangeMetricsRow[]> {
    return changeMetrics(this.db, this.time, options);
  }

  async countChanges(): Promise<number> {
    const row = await this.db('itsm_changes').count({ count: '*' }).first();
    return Number((row as { count: string | number }).count);
  }

  private async insertProblemEvents(
    tx: Knex,
    problemEvents: ProblemEventOfChange[],
    at: string,
  ) {
    for (const { problemId, event } of problemEvents) {
      await insertProblemEvents(
        tx,
        this.time,
        'problem',
        problemId,
        [event],
        at,
      );
    }
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
}
