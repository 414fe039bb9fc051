import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  MajorRoleAssignment,
  OPEN_INCIDENT_STATUSES,
  Priority,
  ServiceSubscriber,
  StakeholderStage,
  StakeholderUpdate,
  SubscriberSource,
  TimelineEvent,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';
import { migratedClient } from './migratedClient';
import { NewTimelineEvent } from './IncidentStore';
import { appendTimelineEvent, insertTimelineEvents } from './incidentTimeline';

type MajorRow = {
  incident_id: string;
  declared_at: Date | string | null;
  declared_by: string | null;
  reason: string | null;
  withdrawn_at: Date | string | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
  bridge_url: string | null;
  last_update_at: Date | string | null;
  next_update_due_at: Date | string | null;
};

type UpdateRow = {
  id: number | string;
  incident_id: string;
  stage: StakeholderStage;
  message: string;
  impact: string | null;
  next_steps: string | null;
  next_update_at: Date | string | null;
  actor: string;
  at: Date | string;
  recipient_count: number;
};

type SubscriberRow = {
  incident_id: string;
  subscriber_ref: string;
  source: SubscriberSource;
  created_at: Date | string;
};

/** A subscriber as stored. */
export interface StoredSubscriber {
  ref: string;
  source: SubscriberSource;
  createdAt: string;
}

/** The major-incident side of one incident, as stored. */
export interface MajorIncidentRecord {
  incidentId: string;
  declaredAt?: string;
  declaredBy?: string;
  reason?: string;
  withdrawnAt?: string;
  withdrawnBy?: string;
  withdrawReason?: string;
  bridgeUrl?: string;
  lastUpdateAt?: string;
  nextUpdateDueAt?: string;
  roles: MajorRoleAssignment[];
  subscribers: StoredSubscriber[];
  updates: StakeholderUpdate[];
}

/** A stakeholder update to write. */
export interface NewStakeholderUpdate {
  stage: StakeholderStage;
  message: string;
  impact?: string;
  nextSteps?: string;
  nextUpdateAt?: string;
  actor: string;
  recipientCount: number;
}

/** A major incident whose stakeholder update is overdue. */
export interface OverdueUpdate {
  incidentId: string;
  ref: string;
  title: string;
  priority: Priority;
  assignee?: string;
  nextUpdateDueAt: string;
  roles: MajorRoleAssignment[];
}

const UPDATES_SHOWN = 50;

const SOURCE_ORDER: SubscriberSource[] = [
  'owner',
  'dependent_owner',
  'service',
  'management',
  'manual',
];

/**
 * Major incidents on Backstage's database: declarations, crisis cells,
 * subscribers and stakeholder updates. Each write goes with its timeline
 * entry in one transaction; declaring and withdrawing bump the incident's
 * version like any other change of it.
 */
export class DatabaseMajorIncidentStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseMajorIncidentStore> {
    return new DatabaseMajorIncidentStore(
      await migratedClient(options.database),
    );
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async getMajor(incidentId: string): Promise<MajorIncidentRecord> {
    const [row, roles, subscribers, updates] = await Promise.all([
      this.db<MajorRow>('itsm_major_incidents')
        .where({ incident_id: incidentId })
        .first(),
      this.getRoles(this.db, incidentId),
      this.listSubscribers(incidentId),
      this.db<UpdateRow>('itsm_stakeholder_updates')
        .where({ incident_id: incidentId })
        .orderBy('id', 'desc')
        .limit(UPDATES_SHOWN),
    ]);
    const t = (v: Date | string | null | undefined) =>
      v === null || v === undefined ? undefined : this.time.fromDb(v);
    const s = (v: string | null | undefined) => v ?? undefined;
    return {
      incidentId,
      declaredAt: t(row?.declared_at),
      declaredBy: s(row?.declared_by),
      reason: s(row?.reason),
      withdrawnAt: t(row?.withdrawn_at),
      withdrawnBy: s(row?.withdrawn_by),
      withdrawReason: s(row?.withdraw_reason),
      bridgeUrl: s(row?.bridge_url),
      lastUpdateAt: t(row?.last_update_at),
      nextUpdateDueAt: t(row?.next_update_due_at),
      roles,
      subscribers,
      updates: updates.map(u => this.updateFromRow(u)),
    };
  }

  async getRolesOf(incidentId: string): Promise<MajorRoleAssignment[]> {
    return this.getRoles(this.db, incidentId);
  }

  /**
   * Declares an incident major (at `version`), subscribes `subscribers`
   * (keeping existing subscriptions) and sets the first update due time.
   */
  async declare(options: {
    incidentId: string;
    version: number;
    actor: string;
    reason: string;
    bridgeUrl?: string;
    nextUpdateDueAt?: string;
    subscribers: Array<{ ref: string; source: SubscriberSource }>;
    events: NewTimelineEvent[];
    at: string;
  }): Promise<void> {
    const { incidentId, at } = options;
    await this.db.transaction(async tx => {
      await this.bumpIncident(tx, incidentId, options.version, true, at);
      const columns = {
        declared_at: this.time.toDb(at),
        declared_by: options.actor,
        reason: options.reason,
        withdrawn_at: null,
        withdrawn_by: null,
        withdraw_reason: null,
        next_update_due_at: options.nextUpdateDueAt
          ? this.time.toDb(options.nextUpdateDueAt)
          : null,
        ...(options.bridgeUrl ? { bridge_url: options.bridgeUrl } : {}),
      };
      await tx('itsm_major_incidents')
        .insert({ incident_id: incidentId, ...columns })
        .onConflict('incident_id')
        .merge(columns);
      await this.insertSubscribers(tx, incidentId, options.subscribers, at);
      await insertTimelineEvents(tx, this.time, incidentId, options.events, at);
    });
  }

  /** Withdraws the declaration (at `version`); no more updates fall due. */
  async withdraw(options: {
    incidentId: string;
    version: number;
    actor: string;
    reason: string;
    event: NewTimelineEvent;
    at: string;
  }): Promise<void> {
    const { incidentId, at } = options;
    await this.db.transaction(async tx => {
      await this.bumpIncident(tx, incidentId, options.version, false, at);
      await tx('itsm_major_incidents')
        .where({ incident_id: incidentId })
        .update({
          withdrawn_at: this.time.toDb(at),
          withdrawn_by: options.actor,
          withdraw_reason: options.reason,
          next_update_due_at: null,
        });
      await insertTimelineEvents(
        tx,
        this.time,
        incidentId,
        [options.event],
        at,
      );
    });
  }

  /** Replaces the crisis cell; `bridgeUrl` null clears it, undefined keeps it. */
  async setRoles(options: {
    incidentId: string;
    roles: MajorRoleAssignment[];
    bridgeUrl?: string | null;
    event?: NewTimelineEvent;
    at: string;
  }): Promise<void> {
    const { incidentId, at } = options;
    await this.db.transaction(async tx => {
      await tx('itsm_incident_roles')
        .where({ incident_id: incidentId })
        .delete();
      if (options.roles.length) {
        await tx('itsm_incident_roles').insert(
          options.roles.map(r => ({
            incident_id: incidentId,
            role: r.role,
            user_ref: r.userRef,
          })),
        );
      }
      if (options.bridgeUrl !== undefined) {
        await tx('itsm_major_incidents')
          .insert({ incident_id: incidentId, bridge_url: options.bridgeUrl })
          .onConflict('incident_id')
          .merge({ bridge_url: options.bridgeUrl });
      }
      if (options.event) {
        await insertTimelineEvents(
          tx,
          this.time,
          incidentId,
          [options.event],
          at,
        );
      }
    });
  }

  async listSubscribers(incidentId: string): Promise<StoredSubscriber[]> {
    const rows = await this.db<SubscriberRow>('itsm_incident_subscribers')
      .where({ incident_id: incidentId })
      .orderBy([{ column: 'created_at' }, { column: 'subscriber_ref' }]);
    // Oldest first; those of one declaration by why they are subscribed
    return rows
      .map(r => ({
        ref: r.subscriber_ref,
        source: r.source,
        createdAt: this.time.fromDb(r.created_at),
      }))
      .sort(
        (x, y) =>
          x.createdAt.localeCompare(y.createdAt) ||
          SOURCE_ORDER.indexOf(x.source) - SOURCE_ORDER.indexOf(y.source) ||
          x.ref.localeCompare(y.ref),
      );
  }

  /** @returns false when already subscribed (nothing is written then). */
  async addSubscriber(options: {
    incidentId: string;
    ref: string;
    source: SubscriberSource;
    event: NewTimelineEvent;
    at: string;
  }): Promise<boolean> {
    return this.db.transaction(async tx => {
      const existing = await tx('itsm_incident_subscribers')
        .where({ incident_id: options.incidentId, subscriber_ref: options.ref })
        .first();
      if (existing) return false;
      await this.insertSubscribers(
        tx,
        options.incidentId,
        [{ ref: options.ref, source: options.source }],
        options.at,
      );
      await insertTimelineEvents(
        tx,
        this.time,
        options.incidentId,
        [options.event],
        options.at,
      );
      return true;
    });
  }

  /** @returns false when not subscribed (nothing is written then). */
  async removeSubscriber(options: {
    incidentId: string;
    ref: string;
    event: NewTimelineEvent;
    at: string;
  }): Promise<boolean> {
    return this.db.transaction(async tx => {
      const removed = await tx('itsm_incident_subscribers')
        .where({ incident_id: options.incidentId, subscriber_ref: options.ref })
        .delete();
      if (!removed) return false;
      await insertTimelineEvents(
        tx,
        this.time,
        options.incidentId,
        [options.event],
        options.at,
      );
      return true;
    });
  }

  /**
   * Writes a stakeholder update, its timeline entry and the next due time
   * in one transaction.
   */
  async addStakeholderUpdate(options: {
    incidentId: string;
    update: NewStakeholderUpdate;
    nextUpdateDueAt?: string;
    at: string;
  }): Promise<{ update: StakeholderUpdate; event: TimelineEvent }> {
    const { incidentId, update, at } = options;
    return this.db.transaction(async tx => {
      const [inserted] = await tx('itsm_stakeholder_updates')
        .insert({
          incident_id: incidentId,
          stage: update.stage,
          message: update.message,
          impact: update.impact ?? null,
          next_steps: update.nextSteps ?? null,
          next_update_at: update.nextUpdateAt
            ? this.time.toDb(update.nextUpdateAt)
            : null,
          actor: update.actor,
          at: this.time.toDb(at),
          recipient_count: update.recipientCount,
        })
        .returning('id');
      const id = String(typeof inserted === 'object' ? inserted.id : inserted);
      const due = {
        last_update_at: this.time.toDb(at),
        next_update_due_at: options.nextUpdateDueAt
          ? this.time.toDb(options.nextUpdateDueAt)
          : null,
      };
      await tx('itsm_major_incidents')
        .insert({ incident_id: incidentId, ...due })
        .onConflict('incident_id')
        .merge(due);
      const event = await appendTimelineEvent(
        tx,
        this.time,
        incidentId,
        {
          type: 'stakeholder_update',
          actor: update.actor,
          message: update.message,
          after: {
            stakeholderUpdateId: id,
            stage: update.stage,
            impact: update.impact,
            nextSteps: update.nextSteps,
            nextUpdateAt: update.nextUpdateAt,
            recipientCount: update.recipientCount,
          },
        },
        at,
      );
      return {
        update: {
          id,
          incidentId,
          message: update.message,
          stage: update.stage,
          impact: update.impact,
          nextSteps: update.nextSteps,
          nextUpdateAt: update.nextUpdateAt,
          actor: update.actor,
          at,
          recipientCount: update.recipientCount,
        },
        event,
      };
    });
  }

  /** The newest stakeholder update of each incident that has one. */
  async latestStakeholderUpdates(
    incidentIds: string[],
  ): Promise<Map<string, StakeholderUpdate>> {
    const latest = new Map<string, StakeholderUpdate>();
    if (!incidentIds.length) return latest;
    const rows = await this.db<UpdateRow>('itsm_stakeholder_updates').whereIn(
      'id',
      this.db('itsm_stakeholder_updates')
        .whereIn('incident_id', incidentIds)
        .groupBy('incident_id')
        .max('id'),
    );
    for (const row of rows) {
      latest.set(row.incident_id, this.updateFromRow(row));
    }
    return latest;
  }

  async listServiceSubscribers(
    entityRefs: string[],
  ): Promise<ServiceSubscriber[]> {
    if (!entityRefs.length) return [];
    const rows = await this.db('itsm_service_subscribers')
      .whereIn('entity_ref', entityRefs)
      .orderBy([{ column: 'entity_ref' }, { column: 'subscriber_ref' }]);
    return rows.map(r => ({
      entityRef: r.entity_ref,
      ref: r.subscriber_ref,
      createdAt: this.time.fromDb(r.created_at),
    }));
  }

  async addServiceSubscriber(
    entityRef: string,
    ref: string,
    at: string,
  ): Promise<void> {
    await this.db('itsm_service_subscribers')
      .insert({
        entity_ref: entityRef,
        subscriber_ref: ref,
        created_at: this.time.toDb(at),
      })
      .onConflict(['entity_ref', 'subscriber_ref'])
      .ignore();
  }

  async removeServiceSubscriber(entityRef: string, ref: string): Promise<void> {
    await this.db('itsm_service_subscribers')
      .where({ entity_ref: entityRef, subscriber_ref: ref })
      .delete();
  }

  /**
   * Open major incidents whose next stakeholder update was due at or before
   * `now`, oldest due first, bounded.
   */
  async findOverdueUpdates(
    now: string,
    limit: number,
  ): Promise<OverdueUpdate[]> {
    const rows = await this.db('itsm_major_incidents as m')
      .join('itsm_incidents as i', 'i.id', 'm.incident_id')
      .where('i.major', true)
      .whereIn('i.status', OPEN_INCIDENT_STATUSES)
      .whereNotNull('m.next_update_due_at')
      .where('m.next_update_due_at', '<=', this.time.toDb(now))
      .orderBy([{ column: 'm.next_update_due_at' }, { column: 'i.ref' }])
      .limit(limit)
      .select(
        'i.id',
        'i.ref',
        'i.title',
        'i.priority',
        'i.assignee',
        'm.next_update_due_at',
      );
    if (!rows.length) return [];
    const roles = await this.db('itsm_incident_roles').whereIn(
      'incident_id',
      rows.map(r => r.id),
    );
    return rows.map(r => ({
      incidentId: r.id,
      ref: r.ref,
      title: r.title,
      priority: r.priority,
      assignee: r.assignee ?? undefined,
      nextUpdateDueAt: this.time.fromDb(r.next_update_due_at),
      roles: roles
        .filter(role => role.incident_id === r.id)
        .map(role => ({ role: role.role, userRef: role.user_ref })),
    }));
  }

  private async getRoles(
    db: Knex,
    incidentId: string,
  ): Promise<MajorRoleAssignment[]> {
    const rows = await db('itsm_incident_roles')
      .where({ incident_id: incidentId })
      .orderBy('role');
    return rows.map(r => ({ role: r.role, userRef: r.user_ref }));
  }

  private async insertSubscribers(
    tx: Knex,
    incidentId: string,
    subscribers: Array<{ ref: string; source: SubscriberSource }>,
    at: string,
  ) {
    const unique = new Map(subscribers.map(s => [s.ref, s]));
    if (!unique.size) return;
    await tx('itsm_incident_subscribers')
      .insert(
        [...unique.values()].map(s => ({
          incident_id: incidentId,
          subscriber_ref: s.ref,
          source: s.source,
          created_at: this.time.toDb(at),
        })),
      )
      .onConflict(['incident_id', 'subscriber_ref'])
      .ignore();
  }

  private async bumpIncident(
    tx: Knex,
    id: string,
    version: number,
    major: boolean,
    at: string,
  ) {
    const updated = await tx('itsm_incidents')
      .where({ id, version })
      .update({
        major,
        version: version + 1,
        updated_at: this.time.toDb(at),
      });
    if (updated !== 1) {
      const current = await tx('itsm_incidents').where({ id }).first('version');
      if (!current) throw new NotFoundError(`No incident with id ${id}`);
      throw new ConflictError(
        `Incident was changed by someone else (version ${current.version}, you sent ${version}); reload it and try again`,
      );
    }
  }

  private updateFromRow(row: UpdateRow): StakeholderUpdate {
    return {
      id: String(row.id),
      incidentId: row.incident_id,
      message: row.message,
      stage: row.stage,
      impact: row.impact ?? undefined,
      nextSteps: row.next_steps ?? undefined,
      nextUpdateAt: row.next_update_at
        ? this.time.fromDb(row.next_update_at)
        : undefined,
      actor: row.actor,
      at: this.time.fromDb(row.at),
      recipientCount: Number(row.recipient_count),
    };
  }
}
