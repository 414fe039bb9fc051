import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  ActionItemStatus,
  isActionItemOverdue,
  Page,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { decodeCursor, encodeCursor } from './cursor';
import { DbTime } from './DbTime';
import { idOrRefWhere } from './idOrRef';
import { migratedClient } from './migratedClient';
import {
  ActionItemChanges,
  ActionItemFields,
  ActionItemListFilter,
  ActionItemStore,
} from './ReviewStore';
import { nextRef } from './sequences';

type ActionItemRow = {
  id: string;
  ref: string;
  title: string;
  description: string | null;
  owner: string;
  due_date: string;
  status: ActionItemStatus;
  incident_id: string | null;
  review_id: string | null;
  problem_id: string | null;
  change_id: string | null;
  created_by: string;
  completed_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  incident_ref: string | null;
  problem_ref: string | null;
  change_ref: string | null;
};

const PENDING = ['open', 'in_progress'];
// Pending items first (overdue ones, being the oldest due, lead), then the rest
const RANK = `(case when a.status in ('open', 'in_progress') then 0 else 1 end)`;

const COLUMNS: Record<keyof ActionItemFields, string> = {
  title: 'title',
  description: 'description',
  owner: 'owner',
  dueDate: 'due_date',
  status: 'status',
  incidentId: 'incident_id',
  reviewId: 'review_id',
  problemId: 'problem_id',
  changeId: 'change_id',
  createdBy: 'created_by',
  completedAt: 'completed_at',
};

/** Action items on Backstage's database. */
export class DatabaseActionItemStore implements ActionItemStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseActionItemStore> {
    return new DatabaseActionItemStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createActionItem(
    fields: ActionItemFields,
    at: string,
  ): Promise<ActionItem> {
    const id = uuid();
    await this.db.transaction(async tx => {
      await tx('itsm_action_items').insert({
        id,
        ref: await nextRef(tx, 'action_item', 'ACT'),
        ...this.columns(fields),
        version: 1,
        created_at: this.time.toDb(at),
        updated_at: this.time.toDb(at),
      });
    });
    return (await this.getActionItem(id, at.slice(0, 10)))!;
  }

  async getActionItem(
    idOrRef: string,
    today: string,
  ): Promise<ActionItem | undefined> {
    const [column, value] = idOrRefWhere(idOrRef);
    const row = await this.selectItems().where(`a.${column}`, value).first();
    return row ? this.toItem(row, today) : undefined;
  }

  async updateActionItem(
    id: string,
    expectedVersion: number,
    changes: ActionItemChanges,
    at: string,
    today: string,
  ): Promise<ActionItem> {
    const updated = await this.db('itsm_action_items')
      .where({ id, version: expectedVersion })
      .update({
        ...this.columns(changes),
        // A new due date or owner is a new deadline to be told about
        ...(changes.dueDate || changes.owner
          ? { overdue_notified_at: null }
          : {}),
        version: expectedVersion + 1,
        updated_at: this.time.toDb(at),
      });
    if (updated !== 1) {
      const current = await this.db('itsm_action_items')
        .where({ id })
        .first('version');
      if (!current) throw new NotFoundError(`No action item with id ${id}`);
      throw new ConflictError(
        `The action item was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
      );
    }
    return (await this.getActionItem(id, today))!;
  }

  async listActionItems(
    filter: ActionItemListFilter,
  ): Promise<Page<ActionItem>> {
    const query = this.selectItems();
    if (filter.owner?.length) query.whereIn('a.owner', filter.owner);
    if (filter.status?.length) query.whereIn('a.status', filter.status);
    if (filter.incidentId) query.where('a.incident_id', filter.incidentId);
    if (filter.overdue === true) {
      query.whereIn('a.status', PENDING).where('a.due_date', '<', filter.today);
    } else if (filter.overdue === false) {
      query.where(inner =>
        inner
          .whereNotIn('a.status', PENDING)
          .orWhere('a.due_date', '>=', filter.today),
      );
    }
    if (filter.entityRef) {
      query.whereExists(q =>
        q
          .select(1)
          .from('itsm_incident_services as s')
          .whereRaw('s.incident_id = a.incident_id')
          .where('s.entity_ref', filter.entityRef!),
      );
    }
    if (filter.cursor) {
      const [rank, due, id] = decodeCursor(filter.cursor, 'cursor', [
        'serial',
        'id',
        'id',
      ]);
      const r = Number(rank) - 1;
      query.where(inner =>
        inner
          .whereRaw(`${RANK} > ?`, [r])
          .orWhere(sub =>
            sub.whereRaw(`${RANK} = ?`, [r]).where('a.due_date', '>', due),
          )
          .orWhere(sub =>
            sub
              .whereRaw(`${RANK} = ?`, [r])
              .where('a.due_date', '=', due)
              .where('a.id', '>', id),
          ),
      );
    }
    const rows: ActionItemRow[] = await query
      .orderByRaw(`${RANK} asc, a.due_date asc, a.id asc`)
      .limit(filter.limit + 1);
    const items = rows
      .slice(0, filter.limit)
      .map(row => this.toItem(row, filter.today));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor:
        rows.length > filter.limit && last
          ? // serial parts are 1-based: rank 0 is written as 1
            encodeCursor([
              String(PENDING.includes(last.status) ? 1 : 2),
              last.dueDate,
              last.id,
            ])
          : undefined,
    };
  }

  async claimOverdueNotices(
    today: string,
    at: string,
    limit: number,
  ): Promise<ActionItem[]> {
    const candidates: Array<{ id: string }> = await this.db('itsm_action_items')
      .whereIn('status', PENDING)
      .where('due_date', '<', today)
      .whereNull('overdue_notified_at')
      .orderBy('due_date')
      .limit(limit)
      .select('id');
    const claimed: ActionItem[] = [];
    for (const { id } of candidates) {
      const won = await this.db('itsm_action_items')
        .where({ id })
        .whereNull('overdue_notified_at')
        .update({ overdue_notified_at: this.time.toDb(at) });
      if (won === 1) {
        const item = await this.getActionItem(id, today);
        if (item) claimed.push(item);
      }
    }
    return claimed;
  }

  private selectItems() {
    return this.db('itsm_action_items as a')
      .leftJoin('itsm_incidents as i', 'i.id', 'a.incident_id')
      .leftJoin('itsm_problems as p', 'p.id', 'a.problem_id')
      .leftJoin('itsm_changes as c', 'c.id', 'a.change_id')
      .select(
        'a.*',
        'i.ref as incident_ref',
        'p.ref as problem_ref',
        'c.ref as change_ref',
      );
  }

  private columns(fields: ActionItemChanges): Record<string, unknown> {
    const columns: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      const column = COLUMNS[key as keyof ActionItemFields];
      columns[column] =
        key === 'completedAt' && value ? this.time.toDb(value) : value;
    }
    return columns;
  }

  private toItem(row: ActionItemRow, today: string): ActionItem {
    const item: ActionItem = {
      id: row.id,
      ref: row.ref,
      title: row.title,
      description: row.description ?? undefined,
      owner: row.owner,
      dueDate: row.due_date,
      status: row.status,
      overdue: false,
      incidentId: row.incident_id ?? undefined,
      incidentRef: row.incident_ref ?? undefined,
      reviewId: row.review_id ?? undefined,
      problemId: row.problem_id ?? undefined,
      problemRef: row.problem_ref ?? undefined,
      changeId: row.change_id ?? undefined,
      changeRef: row.change_ref ?? undefined,
      createdBy: row.created_by,
      createdAt: this.time.fromDb(row.created_at),
      updatedAt: this.time.fromDb(row.updated_at),
      completedAt: row.completed_at
        ? this.time.fromDb(row.completed_at)
        : undefined,
      version: Number(row.version),
    };
    item.overdue = isActionItemOverdue(item, today);
    return item;
  }
}
