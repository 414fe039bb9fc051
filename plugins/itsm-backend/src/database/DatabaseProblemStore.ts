import { nextRef } from './sequences';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Page,
  Problem,
  ProblemEvent,
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
  listProblemEvents,
} from './problemDb';
import { idOrRefWhere } from './idOrRef';
import { migratedClient } from './migratedClient';
import { hydrateProblems, ProblemRow, problemColumns } from './problemRows';
import { eventColumns } from './eventColumns';
import {
  ChangeLinkChange,
  IncidentLinkChange,
  NewProblemEvent,
  ProblemChanges,
  ProblemFields,
  ProblemListFilter,
  ProblemStore,
} from './ProblemStore';

/** Problems on Backstage's database (SQLite, PostgreSQL, MySQL). */
export class DatabaseProblemStore implements ProblemStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseProblemStore> {
    return new DatabaseProblemStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createProblem(
    fields: ProblemFields,
    links: Omit<IncidentLinkChange, 'unlink'>,
    events: NewProblemEvent[],
    at: string,
    options: { fromProposalId?: string } = {},
  ): Promise<Problem> {
    const id = uuid();
    await this.db.transaction(async tx => {
      await tx('itsm_problems').insert({
        id,
        ref: await nextRef(tx, 'problem', 'PRB'),
        ...problemColumns(fields, this.time),
        version: 1,
        created_at: this.time.toDb(at),
        updated_at: this.time.toDb(at),
      });
      await this.writeAddedServices(tx, id, fields.addedServices);
      await this.applyLinks(tx, id, { ...links, unlink: [] }, at);
      await insertProblemEvents(tx, this.time, 'problem', id, events, at);
      if (options.fromProposalId) {
        const accepted = await tx('itsm_problem_proposals')
          .where({ id: options.fromProposalId, status: 'open' })
          .update({
            status: 'accepted',
            problem_id: id,
            decided_by: fields.createdBy,
            decided_at: this.time.toDb(at),
          });
        if (accepted !== 1) {
          throw new ConflictError(
            'This proposal was already accepted or dismissed; reload the proposals',
          );
        }
      }
    });
    return (await this.getProblem(id))!;
  }

  async getProblem(idOrRef: string): Promise<Problem | undefined> {
    const [column, value] = idOrRefWhere(idOrRef);
    const row = await this.db<ProblemRow>('itsm_problems')
      .where(column, value)
      .first();
    if (!row) return undefined;
    const [problem] = await hydrateProblems(this.db, this.time, [row]);
    return problem;
  }

  async listProblems(filter: ProblemListFilter): Promise<Page<Problem>> {
    const query = this.db('itsm_problems as p');
    if (filter.status?.length) query.whereIn('p.status', filter.status);
    if (filter.ownerGroup) query.where('p.owner_group', filter.ownerGroup);
    if (filter.entityRef) {
      query.whereExists(q =>
        q
          .select(1)
          .from('itsm_problem_services as ps')
          .whereRaw('ps.problem_id = p.id')
          .where('ps.entity_ref', filter.entityRef!),
      );
    }
    if (filter.minAgeDays !== undefined) {
      const before = Date.parse(filter.now) - filter.minAgeDays * 86_400_000;
      query.where(
        'p.created_at',
        '<=',
        this.time.toDb(new Date(before).toISOString()),
      );
    }
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q.toLocaleLowerCase('en-US'))}%`;
      query.where(inner =>
        inner
          .whereRaw(`lower(p.title) like ? escape '!'`, [pattern])
          .orWhereRaw(`lower(p.ref) like ? escape '!'`, [pattern]),
      );
    }
    const { rows, hasMore, totalCount } = await newestFirstPage<ProblemRow>(
      query,
      {
        timeColumn: 'p.created_at',
        idColumn: 'p.id',
        limit: filter.limit,
        cursor: filter.cursor,
        time: this.time,
        select: 'p.*',
        withTotal: true,
      },
    );
    const items = await hydrateProblems(this.db, this.time, rows);
    const last = items[items.length - 1];
    return {
      items,
      totalCount,
      nextCursor: nextPageCursor(hasMore, last && [last.createdAt, last.id]),
    };
  }

  async updateProblem(
    id: string,
    expectedVersion: number,
    changes: ProblemChanges,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Problem> {
    await this.db.transaction(async tx => {
      await this.bumpVersion(tx, id, expectedVersion, at, changes);
      if (changes.addedServices) {
        await tx('itsm_problem_services')
          .where({ problem_id: id, added_by_hand: true })
          .delete();
        await this.writeAddedServices(tx, id, changes.addedServices);
      }
      await insertProblemEvents(tx, this.time, 'problem', id, events, at);
    });
    return (await this.getProblem(id))!;
  }

  async changeIncidentLinks(
    id: string,
    expectedVersion: number,
    change: IncidentLinkChange,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Problem> {
    await this.db.transaction(async tx => {
      await this.bumpVersion(tx, id, expectedVersion, at, {});
      await this.applyLinks(tx, id, change, at);
      await insertProblemEvents(tx, this.time, 'problem', id, events, at);
    });
    return (await this.getProblem(id))!;
  }

  async changeChangeLinks(
    id: string,
    expectedVersion: number,
    change: ChangeLinkChange,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Problem> {
    await this.db.transaction(async tx => {
      await this.bumpVersion(tx, id, expectedVersion, at, {});
      const { ref } = await tx('itsm_problems').where({ id }).first('ref');
      const atDb = this.time.toDb(at);
      const write = async (changeId: string, linked: boolean) => {
        const updated = await tx('itsm_changes')
          .where({ id: changeId })
          .where(q =>
            linked ? q.whereNull('problem_ref') : q.where('problem_ref', ref),
          )
          .update({
            problem_ref: linked ? ref : null,
            version: tx.raw('version + 1'),
            updated_at: atDb,
          });
        if (updated !== 1) {
          const row = await tx('itsm_changes')
            .where({ id: changeId })
            .first('ref', 'problem_ref');
          if (!row) throw new NotFoundError(`No change with id ${changeId}`);
          throw new ConflictError(
            linked
              ? `Change ${row.ref} already fixes problem ${row.problem_ref}; unlink it there first`
              : `Change ${row.ref} is not linked to problem ${ref}`,
          );
        }
        await tx('itsm_change_events').insert({
          change_id: changeId,
          ...eventColumns(
            {
              type: 'fields_changed',
              actor: change.actor,
              message: linked
                ? `Linked to problem ${ref}`
                : `Unlinked from problem ${ref}`,
              before: { problemRef: linked ? null : ref },
              after: { problemRef: linked ? ref : null },
            },
            at,
            this.time,
          ),
        });
      };
      for (const changeId of change.link) await write(changeId, true);
      for (const changeId of change.unlink) await write(changeId, false);
      await insertProblemEvents(tx, this.time, 'problem', id, events, at);
    });
    return (await this.getProblem(id))!;
  }

  async listEvents(
    subjectKind: ProblemEvent['subjectKind'],
    subjectId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ProblemEvent>> {
    return listProblemEvents(
      this.db,
      this.time,
      subjectKind,
      subjectId,
      options,
    );
  }

  private async bumpVersion(
    tx: Knex.Transaction,
    id: string,
    expectedVersion: number,
    at: string,
    changes: ProblemChanges,
  ) {
    const updated = await tx('itsm_problems')
      .where({ id, version: expectedVersion })
      .update({
        ...problemColumns(changes, this.time),
        version: expectedVersion + 1,
        updated_at: this.time.toDb(at),
      });
    if (updated !== 1) {
      const current = await tx('itsm_problems').where({ id }).first('version');
      if (!current) throw new NotFoundError(`No problem with id ${id}`);
      throw new ConflictError(
        `Problem was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
      );
    }
  }

  /**
   * Sets or clears itsm_incidents.problem_id (an incident belongs to at most
   * one problem), writes each incident's timeline event and rewrites the
   * problem's derived services from its incidents.
   */
  private async applyLinks(
    tx: Knex.Transaction,
    problemId: string,
    change: IncidentLinkChange,
    at: string,
  ) {
    const atDb = this.time.toDb(at);
    const { ref } = await tx('itsm_problems')
      .where({ id: problemId })
      .first('ref');
    const event = (linked: boolean): NewTimelineEvent => ({
      type: linked ? 'problem_linked' : 'problem_unlinked',
      actor: change.actor,
      message: linked
        ? `Linked to problem ${ref}`
        : `Unlinked from problem ${ref}`,
      before: linked ? undefined : { problemId, problemRef: ref },
      after: linked ? { problemId, problemRef: ref } : undefined,
    });
    for (const incidentId of change.link) {
      const linked = await tx('itsm_incidents')
        .where({ id: incidentId })
        .whereNull('problem_id')
        .update({
          problem_id: problemId,
          version: tx.raw('version + 1'),
          updated_at: atDb,
        });
      if (linked !== 1) {
        const row = await tx('itsm_incidents as i')
          .leftJoin('itsm_problems as p', 'p.id', 'i.problem_id')
          .where('i.id', incidentId)
          .first('i.ref', 'p.ref as problem_ref');
        if (!row) throw new NotFoundError(`No incident with id ${incidentId}`);
        throw new ConflictError(
          `Incident ${row.ref} is already linked to problem ${row.problem_ref}; unlink it there first`,
        );
      }
      await insertIncidentEvent(tx, this.time, incidentId, event(true), at);
    }
    for (const incidentId of change.unlink) {
      const unlinked = await tx('itsm_incidents')
        .where({ id: incidentId, problem_id: problemId })
        .update({
          problem_id: null,
          version: tx.raw('version + 1'),
          updated_at: atDb,
        });
      if (unlinked !== 1) {
        throw new ConflictError(
          `Incident ${incidentId} is not linked to this problem`,
        );
      }
      await insertIncidentEvent(tx, this.time, incidentId, event(false), at);
    }
    if (change.link.length || change.unlink.length) {
      await tx('itsm_problem_services')
        .where({ problem_id: problemId, added_by_hand: false })
        .delete();
      await tx.raw(
        `insert into itsm_problem_services (problem_id, entity_ref, added_by_hand)
         select distinct ?, s.entity_ref, false from itsm_incident_services s
         join itsm_incidents i on i.id = s.incident_id
         where i.problem_id = ?`,
        [problemId, problemId],
      );
    }
  }

  private async writeAddedServices(
    tx: Knex.Transaction,
    problemId: string,
    refs: string[] | undefined,
  ) {
    const unique = [...new Set(refs ?? [])];
    if (unique.length) {
      await tx('itsm_problem_services').insert(
        unique.map(entityRef => ({
          problem_id: problemId,
          entity_ref: entityRef,
          added_by_hand: true,
        })),
      );
    }
  }
}
