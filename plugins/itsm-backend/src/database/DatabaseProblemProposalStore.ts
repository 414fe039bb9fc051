import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import { Page, ProblemProposal } from '@openitsm/backstage-plugin-itsm-common';
import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { newestFirstPage, nextPageCursor } from './keysetPage';
import { DbTime } from './DbTime';
import { migratedClient } from './migratedClient';
import {
  NewProblemProposal,
  ProblemProposalListFilter,
  ProblemProposalStore,
  RecurrenceIncident,
} from './ProblemStore';

type ProposalRow = {
  id: string;
  entity_ref: string;
  reason: ProblemProposal['reason'];
  title: string;
  summary: string;
  incident_ids: string;
  status: ProblemProposal['status'];
  problem_id: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  created_at: Date | string;
};

/** The same set of incidents always has the same key. */
export function incidentSetKey(incidentIds: string[]): string {
  return createHash('sha256')
    .update([...incidentIds].sort().join(','))
    .digest('hex');
}

/** Recurrence proposals on Backstage's database. */
export class DatabaseProblemProposalStore implements ProblemProposalStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseProblemProposalStore> {
    return new DatabaseProblemProposalStore(
      await migratedClient(options.database),
    );
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async servicesWithRecurrence(
    since: string,
    minIncidents: number,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.unlinked()
      .where('s.detected_at', '>=', this.time.toDb(since))
      .groupBy('s.entity_ref')
      .havingRaw('count(*) >= ?', [minIncidents])
      .select('s.entity_ref')
      .orderBy('s.entity_ref')
      .limit(limit);
    return rows.map((r: { entity_ref: string }) => r.entity_ref);
  }

  async unlinkedIncidents(
    entityRef: string,
    since: string,
    limit: number,
  ): Promise<RecurrenceIncident[]> {
    const rows = await this.unlinked()
      .where('s.entity_ref', entityRef)
      .where('s.detected_at', '>=', this.time.toDb(since))
      .select('i.id', 'i.ref', 'i.title', 'i.category', 's.entity_ref')
      .orderBy('s.detected_at', 'desc')
      .limit(limit);
    return rows.map(toRecurrenceIncident);
  }

  async unlinkedMajorIncidents(
    since: string,
    limit: number,
  ): Promise<RecurrenceIncident[]> {
    const rows = await this.unlinked()
      .where('s.is_primary', true)
      .where('s.detected_at', '>=', this.time.toDb(since))
      .where(q => q.where('i.major', true).orWhere('i.priority', 'P1'))
      .select('i.id', 'i.ref', 'i.title', 'i.category', 's.entity_ref')
      .orderBy('s.detected_at', 'desc')
      .limit(limit);
    return rows.map(toRecurrenceIncident);
  }

  async propose(proposal: NewProblemProposal, at: string): Promise<boolean> {
    const id = uuid();
    await this.db('itsm_problem_proposals')
      .insert({
        id,
        set_key: incidentSetKey(proposal.incidentIds),
        entity_ref: proposal.entityRef,
        reason: proposal.reason,
        title: proposal.title.slice(0, 400),
        summary: proposal.summary,
        incident_ids: JSON.stringify([...proposal.incidentIds].sort()),
        status: 'open',
        created_at: this.time.toDb(at),
      })
      .onConflict('set_key')
      .ignore();
    // Portable "was it inserted": our fresh id is there only if it was
    return Boolean(
      await this.db('itsm_problem_proposals').where({ id }).first('id'),
    );
  }

  async getProposal(id: string): Promise<ProblemProposal | undefined> {
    const row = await this.db<ProposalRow>('itsm_problem_proposals')
      .where({ id })
      .first();
    return row ? (await this.withRefs([row]))[0] : undefined;
  }

  async listProposals(
    filter: ProblemProposalListFilter,
  ): Promise<Page<ProblemProposal>> {
    const query = this.db<ProposalRow>('itsm_problem_proposals');
    if (filter.status) query.where('status', filter.status);
    if (filter.entityRef) query.where('entity_ref', filter.entityRef);
    const { rows, hasMore } = await newestFirstPage<ProposalRow>(query, {
      timeColumn: 'created_at',
      idColumn: 'id',
      limit: filter.limit,
      cursor: filter.cursor,
      time: this.time,
    });
    const items = await this.withRefs(rows);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: nextPageCursor(hasMore, last && [last.createdAt, last.id]),
    };
  }

  async dismiss(id: string, actor: string, at: string) {
    const updated = await this.db('itsm_problem_proposals')
      .where({ id, status: 'open' })
      .update({
        status: 'dismissed',
        decided_by: actor,
        decided_at: this.time.toDb(at),
      });
    if (updated !== 1) {
      const current = await this.getProposal(id);
      if (!current) throw new NotFoundError(`No problem proposal ${id}`);
      throw new ConflictError(
        `This proposal is already ${current.status}; reload the proposals`,
      );
    }
    return (await this.getProposal(id))!;
  }

  /** Incidents not linked to a problem and not cancelled, per service. */
  private unlinked() {
    return this.db('itsm_incident_services as s')
      .join('itsm_incidents as i', 'i.id', 's.incident_id')
      .whereNull('i.problem_id')
      .whereNot('s.status', 'cancelled');
  }

  private async withRefs(rows: ProposalRow[]): Promise<ProblemProposal[]> {
    const ids = rows.map(r => JSON.parse(r.incident_ids) as string[]);
    const refRows = ids.length
      ? ((await this.db('itsm_incidents')
          .whereIn('id', ids.flat())
          .select('id', 'ref')) as Array<{ id: string; ref: string }>)
      : [];
    const refs = new Map(refRows.map(r => [r.id, r.ref]));
    return rows.map((row, i) => ({
      id: row.id,
      entityRef: row.entity_ref,
      reason: row.reason,
      title: row.title,
      summary: row.summary,
      incidentIds: ids[i],
      incidentRefs: ids[i].map(id => refs.get(id) ?? id),
      status: row.status,
      problemId: row.problem_id ?? undefined,
      decidedBy: row.decided_by ?? undefined,
      decidedAt: row.decided_at ? this.time.fromDb(row.decided_at) : undefined,
      createdAt: this.time.fromDb(row.created_at),
    }));
  }
}

function toRecurrenceIncident(row: {
  id: string;
  ref: string;
  title: string;
  category: string;
  entity_ref: string;
}): RecurrenceIncident {
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    category: row.category,
    entityRef: row.entity_ref,
  };
}
