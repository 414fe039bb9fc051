import { nextRef } from './sequences';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  OPEN_PROBLEM_STATUSES,
  Page,
  ProblemStatus,
  Workaround,
  WorkaroundStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { newestFirstPage, nextPageCursor } from './keysetPage';
import { DbTime } from './DbTime';
import { NewTimelineEvent } from './IncidentStore';
import {
  escapeLike,
  insertIncidentEvent,
  insertProblemEvents,
} from './problemDb';
import { idOrRefWhere } from './idOrRef';
import { migratedClient } from './migratedClient';
import {
  NewProblemEvent,
  WorkaroundChanges,
  WorkaroundFields,
  WorkaroundListFilter,
  WorkaroundStore,
} from './ProblemStore';

type WorkaroundRow = {
  id: string;
  ref: string;
  problem_id: string | null;
  problem_ref: string | null;
  problem_status: ProblemStatus | null;
  title: string;
  steps: string;
  status: WorkaroundStatus;
  created_by: string;
  use_count: number | string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

/** Workarounds and known errors on Backstage's database. */
export class DatabaseWorkaroundStore implements WorkaroundStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseWorkaroundStore> {
    return new DatabaseWorkaroundStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createWorkaround(
    fields: WorkaroundFields,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Workaround> {
    const id = uuid();
    await this.db.transaction(async tx => {
      await tx('itsm_workarounds').insert({
        id,
        ref: await nextRef(tx, 'workaround', 'WA'),
        problem_id: fields.problemId ?? null,
        title: fields.title,
        steps: fields.steps,
        status: fields.status,
        created_by: fields.createdBy,
        version: 1,
        created_at: this.time.toDb(at),
        updated_at: this.time.toDb(at),
      });
      await this.writeServices(tx, id, fields.affectedServices, fields.status);
      await insertProblemEvents(tx, this.time, 'workaround', id, events, at);
      if (fields.problemId) {
        await insertProblemEvents(
          tx,
          this.time,
          'problem',
          fields.problemId,
          events,
          at,
        );
      }
    });
    return (await this.getWorkaround(id))!;
  }

  async getWorkaround(idOrRef: string): Promise<Workaround | undefined> {
    const [column, value] = idOrRefWhere(idOrRef);
    const row = await this.select().where(`w.${column}`, value).first();
    if (!row) return undefined;
    return (await this.withServices([row as WorkaroundRow]))[0];
  }

  /**
   * Newest first. `open` is the service page's "open workarounds": active,
   * and either standalone or of a problem that is not resolved or closed.
   */
  async listWorkarounds(
    filter: WorkaroundListFilter,
  ): Promise<Page<Workaround>> {
    const query = this.select();
    if (filter.entityRef) {
      query.whereExists(q => {
        q.select(1)
          .from('itsm_workaround_services as ws')
          .whereRaw('ws.workaround_id = w.id')
          .where('ws.entity_ref', filter.entityRef!);
        if (filter.open) q.where('ws.status', 'active');
      });
    }
    if (filter.status) query.where('w.status', filter.status);
    if (filter.problemId) query.where('w.problem_id', filter.problemId);
    if (filter.open) {
      query
        .where('w.status', 'active')
        .where(q =>
          q
            .whereNull('w.problem_id')
            .orWhereIn('p.status', OPEN_PROBLEM_STATUSES),
        );
    }
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLocaleLowerCase('en-US'))}%`;
      query.where(inner =>
        inner
          .whereRaw(`lower(w.title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(w.ref) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(p.title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(p.ref) like ? escape '!'`, [pattern]),
      );
    }
    const { rows, hasMore } = await newestFirstPage<WorkaroundRow>(query, {
      timeColumn: 'w.created_at',
      idColumn: 'w.id',
      limit: filter.limit,
      cursor: filter.cursor,
      time: this.time,
    });
    const items = await this.withServices(rows);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: nextPageCursor(hasMore, last && [last.createdAt, last.id]),
    };
  }

  async updateWorkaround(
    id: string,
    expectedVersion: number,
    changes: WorkaroundChanges,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Workaround> {
    await this.db.transaction(async tx => {
      const updated = await tx('itsm_workarounds')
        .where({ id, version: expectedVersion })
        .update({
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.steps !== undefined ? { steps: changes.steps } : {}),
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          version: expectedVersion + 1,
          updated_at: this.time.toDb(at),
        });
      if (updated !== 1) {
        const current = await tx('itsm_workarounds')
          .where({ id })
          .first('version');
        if (!current) throw new NotFoundError(`No workaround with id ${id}`);
        throw new ConflictError(
          `Workaround was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
        );
      }
      const row = await tx('itsm_workarounds')
        .where({ id })
        .first('status', 'problem_id');
      if (changes.affectedServices) {
        await tx('itsm_workaround_services')
          .where({ workaround_id: id })
          .delete();
        await this.writeServices(tx, id, changes.affectedServices, row.status);
      } else if (changes.status) {
        await tx('itsm_workaround_services')
          .where({ workaround_id: id })
          .update({ status: changes.status });
      }
      await insertProblemEvents(tx, this.time, 'workaround', id, events, at);
      if (row.problem_id) {
        await insertProblemEvents(
          tx,
          this.time,
          'problem',
          row.problem_id,
          events,
          at,
        );
      }
    });
    return (await this.getWorkaround(id))!;
  }

  async recordUse(
    workaroundId: string,
    incidentId: string,
    actor: string,
    event: NewTimelineEvent,
    at: string,
  ): Promise<Workaround> {
    await this.db.transaction(async tx => {
      const existing = await tx('itsm_workaround_uses')
        .where({ workaround_id: workaroundId, incident_id: incidentId })
        .first('actor');
      if (existing) {
        throw new ConflictError(
          'This workaround is already recorded on that incident',
        );
      }
      await tx('itsm_workaround_uses').insert({
        workaround_id: workaroundId,
        incident_id: incidentId,
        actor,
        at: this.time.toDb(at),
      });
      await insertIncidentEvent(tx, this.time, incidentId, event, at);
    });
    return (await this.getWorkaround(workaroundId))!;
  }

  /** Workarounds with their problem's ref and status and their use count. */
  private select() {
    return this.db('itsm_workarounds as w')
      .leftJoin('itsm_problems as p', 'p.id', 'w.problem_id')
      .select(
        'w.*',
        'p.ref as problem_ref',
        'p.status as problem_status',
        this.db('itsm_workaround_uses as u')
          .count('*')
          .whereRaw('u.workaround_id = w.id')
          .as('use_count'),
      );
  }

  private async writeServices(
    tx: Knex.Transaction,
    workaroundId: string,
    refs: string[],
    status: WorkaroundStatus,
  ) {
    const unique = [...new Set(refs)];
    if (unique.length) {
      await tx('itsm_workaround_services').insert(
        unique.map(entityRef => ({
          workaround_id: workaroundId,
          entity_ref: entityRef,
          status,
        })),
      );
    }
  }

  private async withServices(rows: WorkaroundRow[]): Promise<Workaround[]> {
    if (!rows.length) return [];
    const links = (await this.db('itsm_workaround_services')
      .whereIn(
        'workaround_id',
        rows.map(r => r.id),
      )
      .orderBy(['workaround_id', 'entity_ref'])
      .select('workaround_id', 'entity_ref')) as Array<{
      workaround_id: string;
      entity_ref: string;
    }>;
    return rows.map(row => ({
      id: row.id,
      ref: row.ref,
      problemId: row.problem_id ?? undefined,
      problemRef: row.problem_ref ?? undefined,
      problemStatus: row.problem_status ?? undefined,
      title: row.title,
      steps: row.steps,
      affectedServices: links
        .filter(l => l.workaround_id === row.id)
        .map(l => l.entity_ref),
      status: row.status,
      useCount: Number(row.use_count ?? 0),
      createdBy: row.created_by,
      createdAt: this.time.fromDb(row.created_at),
      updatedAt: this.time.fromDb(row.updated_at),
      version: Number(row.version),
    }));
  }
}
