import {
  affectedServicesColumn,
  affectedServicesOf,
  WithAffectedServices,
} from './affectedServicesColumn';
import { idOrRefWhere } from './idOrRef';
import { migratedClient } from './migratedClient';
import { nextRef } from './sequences';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  EntityItsmSummary,
  Incident,
  IncidentField,
  OPEN_INCIDENT_STATUSES,
  Page,
  Priority,
  TimelineEvent,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import { IncidentQueryFilter } from '../permissions/rules';
import { v4 as uuid } from 'uuid';
import {
  IncidentChanges,
  IncidentFields,
  IncidentListFilter,
  IncidentStore,
  NewTimelineEvent,
  OpenIncidentCount,
  StoredSla,
} from './IncidentStore';
import { applyPermissionFilter } from './permissionFilter';
import { newestFirstPage, nextPageCursor } from './keysetPage';
import { DbTime } from './DbTime';
import { storedSlaFromRow, whereSlaBreached } from './slaColumns';
import {
  INCIDENT_FIELDS,
  IncidentRow,
  incidentColumns,
  incidentFieldColumns,
  incidentFieldsFromRow,
} from './incidentRows';
import {
  appendTimelineEvent,
  insertTimelineEvents,
  listTimelineEvents,
} from './incidentTimeline';
import { escapeLike } from './problemDb';
import { completeKpiRollups, withKpiRollup } from './kpiRollup';
import { readEntitySummary } from './entitySummaryQuery';

/** The card lists at most this many open incidents; counts cover all. */
const SUMMARY_OPEN_LIMIT = 50;
/** Services per query of countOpenByService. */
const OPEN_COUNT_CHUNK = 500;

/** Incidents on Backstage's database (SQLite, PostgreSQL, MySQL). */
export class DatabaseIncidentStore implements IncidentStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseIncidentStore> {
    const db = await migratedClient(options.database);
    await completeKpiRollups(db, new DbTime(db));
    return new DatabaseIncidentStore(db);
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createIncident(
    fields: IncidentFields,
    events: NewTimelineEvent[],
    at: string,
  ): Promise<Incident> {
    const id = uuid();
    await this.db.transaction(async tx => {
      await withKpiRollup(
        tx,
        this.time,
        id,
        async () => {
          await tx('itsm_incidents').insert({
            id,
            ref: await nextRef(tx, 'incident', 'INC'),
            ...incidentColumns(fields, this.time),
            version: 1,
            created_at: this.time.toDb(at),
            updated_at: this.time.toDb(at),
          });
          await this.insertServices(tx, id, fields);
        },
        { created: true },
      );
      await insertTimelineEvents(tx, this.time, id, events, at);
    });
    return (await this.getIncident(id))!;
  }

  async getIncident(idOrRef: string): Promise<Incident | undefined> {
    const [column, value] = idOrRefWhere(idOrRef);
    const row = (await this.db('itsm_incidents as i')
      .where(`i.${column}`, value)
      .select('i.*', affectedServicesColumn(this.db))
      .first()) as IncidentRow & WithAffectedServices;
    return row ? this.toIncidents([row])[0] : undefined;
  }

  async getStoredSla(id: string): Promise<StoredSla | undefined> {
    const row = await this.db<IncidentRow>('itsm_incidents')
      .where({ id })
      .first();
    return row ? storedSlaFromRow(row, this.time) : undefined;
  }

  async getIncidentsByIds(ids: string[]): Promise<Incident[]> {
    if (!ids.length) return [];
    const rows = await this.db('itsm_incidents as i')
      .whereIn('i.id', ids)
      .select('i.*', affectedServicesColumn(this.db));
    return this.toIncidents(rows);
  }

  async listIncidents(filter: IncidentListFilter): Promise<Page<Incident>> {
    return this.listIncidentFields(filter, INCIDENT_FIELDS);
  }

  async listIncidentFields<F extends IncidentField>(
    filter: IncidentListFilter,
    fields: readonly F[],
  ): Promise<Page<Pick<Incident, F | 'id'>>> {
    const query = this.db<IncidentRow>('itsm_incidents as i');
    // A service's history is read in the order of its own index.
    const order = filter.entityRef ? 's.detected_at' : 'i.detected_at';
    const idColumn = filter.entityRef ? 's.incident_id' : 'i.id';
    if (filter.entityRef) {
      query
        .join('itsm_incident_services as s', 's.incident_id', 'i.id')
        .where('s.entity_ref', filter.entityRef);
      if (filter.status?.length) {
        query.whereIn('s.status', filter.status);
      }
    } else if (filter.status?.length) {
      query.whereIn('i.status', filter.status);
    }
    if (filter.priority?.length) query.whereIn('i.priority', filter.priority);
    if (filter.problemId) query.where('i.problem_id', filter.problemId);
    if (filter.major !== undefined) query.where('i.major', filter.major);
    if (filter.assignedGroup) {
      query.where('i.assigned_group', filter.assignedGroup);
    }
    if (filter.assignee) query.where('i.assignee', filter.assignee);
    if (filter.category) query.where('i.category', filter.category);
    if (filter.from) query.where(order, '>=', this.time.toDb(filter.from));
    if (filter.to) query.where(order, '<', this.time.toDb(filter.to));
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLocaleLowerCase('en-US'))}%`;
      query.where(inner =>
        inner
          .whereRaw(`lower(i.title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(i.ref) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(i.description) like ? escape '!'`, [pattern]),
      );
    }
    if (filter.slaBreached) {
      whereSlaBreached(
        query,
        this.time.toDb(filter.now ?? new Date().toISOString()),
      );
    }
    if (filter.permissionFilter) {
      applyPermissionFilter(query, filter.permissionFilter);
    }

    // Only the columns of the fields asked for (the id and detection time
    // always: the next page's cursor is made of them)
    const read = [...new Set<F | 'id'>(['id', ...fields])];
    if (read.includes('affectedServices' as F)) {
      query.select(affectedServicesColumn(this.db));
    }
    const columns = incidentFieldColumns([...read, 'detectedAt']);
    const { rows, hasMore, totalCount } = await newestFirstPage<
      IncidentRow & WithAffectedServices
    >(query, {
      timeColumn: order,
      idColumn,
      limit: filter.limit,
      cursor: filter.cursor,
      time: this.time,
      select: columns.map(column => `i.${column}`),
      withTotal: true,
      // A service's history: the read a service page makes on every visit
      prepared: filter.entityRef ? this.db : undefined,
    });
    const items = this.toIncidents(rows, read);
    const last = rows[rows.length - 1];
    return {
      items,
      totalCount,
      nextCursor: nextPageCursor(
        hasMore,
        last && [this.time.fromDb(last.detected_at), last.id],
      ),
    };
  }

  async updateIncident(
    id: string,
    expectedVersion: number,
    changes: IncidentChanges,
    events: NewTimelineEvent[],
    at: string,
  ): Promise<Incident> {
    await this.db.transaction(async tx => {
      await withKpiRollup(tx, this.time, id, () =>
        this.writeChanges(tx, id, expectedVersion, changes, at),
      );
      await insertTimelineEvents(tx, this.time, id, events, at);
    });
    return (await this.getIncident(id))!;
  }

  private async writeChanges(
    tx: Knex,
    id: string,
    expectedVersion: number,
    changes: IncidentChanges,
    at: string,
  ) {
    const updated = await tx('itsm_incidents')
      .where({ id, version: expectedVersion })
      .update({
        ...incidentColumns(changes, this.time),
        version: expectedVersion + 1,
        updated_at: this.time.toDb(at),
      });
    if (updated !== 1) {
      const current = await tx('itsm_incidents').where({ id }).first('version');
      if (!current) {
        throw new NotFoundError(`No incident with id ${id}`);
      }
      throw new ConflictError(
        `Incident was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
      );
    }
    if (changes.affectedServices) {
      const row = await tx<IncidentRow>('itsm_incidents')
        .where({ id })
        .first('status', 'detected_at');
      await tx('itsm_incident_services').where({ incident_id: id }).delete();
      await this.insertServices(tx, id, {
        affectedServices: changes.affectedServices,
        status: changes.status ?? row!.status,
        detectedAt: changes.detectedAt ?? this.time.fromDb(row!.detected_at),
      });
    } else if (changes.status || changes.detectedAt) {
      await tx('itsm_incident_services')
        .where({ incident_id: id })
        .update({
          ...(changes.status ? { status: changes.status } : {}),
          ...(changes.detectedAt
            ? { detected_at: this.time.toDb(changes.detectedAt) }
            : {}),
        });
    }
  }

  async appendEvent(
    incidentId: string,
    event: NewTimelineEvent,
    at: string,
  ): Promise<TimelineEvent> {
    return appendTimelineEvent(this.db, this.time, incidentId, event, at);
  }

  async listTimeline(
    incidentId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<TimelineEvent>> {
    return listTimelineEvents(this.db, this.time, incidentId, options);
  }

  async getEntitySummary(
    entityRef: string,
    now: string,
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<EntityItsmSummary> {
    const since = new Date(Date.parse(now) - 30 * 24 * 3600_000).toISOString();
    const { open, openByPriority, recentCount, lastResolvedAt } =
      await readEntitySummary(this.db, this.time, {
        entityRef,
        recentSince: since,
        openLimit: SUMMARY_OPEN_LIMIT,
        permissionFilter,
      });
    return {
      entityRef,
      openIncidents: this.toIncidents(open),
      openCount: Object.values(openByPriority).reduce((a, c) => a + c, 0),
      openByPriority,
      incidentsLast30Days: recentCount,
      lastResolvedAt,
    };
  }

  async countOpenByService(
    entityRefs: string[],
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<OpenIncidentCount[]> {
    const counts: OpenIncidentCount[] = [];
    // Bounded IN lists: each chunk reads the services' open rows by index
    for (let i = 0; i < entityRefs.length; i += OPEN_COUNT_CHUNK) {
      const query = this.db('itsm_incident_services as s')
        .join('itsm_incidents as i', 'i.id', 's.incident_id')
        .whereIn('s.entity_ref', entityRefs.slice(i, i + OPEN_COUNT_CHUNK))
        .whereIn('s.status', OPEN_INCIDENT_STATUSES)
        .groupBy('s.entity_ref', 'i.priority')
        .select({ entity_ref: 's.entity_ref', priority: 'i.priority' })
        .count({ open_count: '*' });
      if (permissionFilter) applyPermissionFilter(query, permissionFilter);
      const rows = (await query) as Array<{
        entity_ref: string;
        priority: Priority;
        open_count: string | number;
      }>;
      for (const row of rows) {
        counts.push({
          entityRef: row.entity_ref,
          priority: row.priority,
          count: Number(row.open_count),
        });
      }
    }
    return counts;
  }

  async countIncidents(): Promise<number> {
    const row = await this.db('itsm_incidents').count({ count: '*' }).first();
    return Number((row as { count: string | number }).count);
  }

  private async insertServices(
    tx: Knex,
    incidentId: string,
    fields: Pick<IncidentFields, 'affectedServices' | 'status' | 'detectedAt'>,
  ) {
    const unique = [...new Set(fields.affectedServices)];
    await tx('itsm_incident_services').insert(
      unique.map((entityRef, index) => ({
        incident_id: incidentId,
        entity_ref: entityRef,
        is_primary: index === 0,
        detected_at: this.time.toDb(fields.detectedAt),
        status: fields.status,
      })),
    );
  }

  /**
   * Incidents (or some of their fields) from rows read with the fields'
   * columns and, when asked for, their affectedServicesColumn.
   */
  private toIncidents<F extends IncidentField = IncidentField>(
    rows: Array<IncidentRow & WithAffectedServices>,
    fields: readonly F[] = INCIDENT_FIELDS as F[],
  ): Array<Pick<Incident, F>> {
    // One evaluation time for every row's SLA state
    const now = new Date().toISOString();
    return rows.map(row =>
      incidentFieldsFromRow(
        row,
        fields,
        affectedServicesOf(row),
        now,
        this.time,
      ),
    );
  }
}
