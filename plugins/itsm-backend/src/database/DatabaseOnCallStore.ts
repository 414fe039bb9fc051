import { migratedClient } from './migratedClient';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  EscalationLevel,
  EscalationPolicy,
  OnCallLayer,
  OnCallOverride,
  StoredOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { DbTime } from './DbTime';
import * as escalationSteps from './escalationSteps';
import { NewTimelineEvent } from './IncidentStore';
import { isUniqueViolation } from './uniqueViolation';
import { escapeLike } from './problemDb';

type ScheduleRow = {
  id: string;
  name: string;
  owner_group: string;
  timezone: string;
  layers_json: string;
  overrides_json: string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

type PolicyRow = {
  group_ref: string;
  levels_json: string;
  reassign_on_breach: boolean | number;
  notify_parent_on_sla: boolean | number;
  version: number;
  updated_at: Date | string;
};

/** The fields of a schedule that callers set. */
export interface ScheduleFields {
  name: string;
  ownerGroup: string;
  timezone: string;
  layers: OnCallLayer[];
  overrides: OnCallOverride[];
}

const MAX_SCHEDULES_LISTED = 500;

/**
 * On-call schedules, escalation policies and the escalation steps fired, on
 * Backstage's database.
 */
export class DatabaseOnCallStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseOnCallStore> {
    return new DatabaseOnCallStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createSchedule(
    fields: ScheduleFields,
    at: string,
  ): Promise<StoredOnCallSchedule> {
    const id = uuid();
    try {
      await this.db('itsm_oncall_schedules').insert({
        id,
        name: fields.name,
        owner_group: fields.ownerGroup,
        timezone: fields.timezone,
        layers_json: JSON.stringify(fields.layers),
        overrides_json: JSON.stringify(fields.overrides),
        version: 1,
        created_at: this.time.toDb(at),
        updated_at: this.time.toDb(at),
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `name: a schedule named ${JSON.stringify(
            fields.name,
          )} exists already; schedule names are unique`,
        );
      }
      throw error;
    }
    return (await this.getSchedule(id))!;
  }

  /** By id or by its unique name. */
  async getSchedule(
    idOrName: string,
  ): Promise<StoredOnCallSchedule | undefined> {
    const row = await this.db<ScheduleRow>('itsm_oncall_schedules')
      .where('id', idOrName)
      .orWhere('name', idOrName)
      .first();
    return row ? this.toSchedule(row) : undefined;
  }

  /** Schedules by name, in one query (absent names are left out). */
  async getSchedulesByName(names: string[]): Promise<StoredOnCallSchedule[]> {
    if (!names.length) return [];
    const rows = await this.db<ScheduleRow>('itsm_oncall_schedules').whereIn(
      'name',
      names,
    );
    return rows.map(row => this.toSchedule(row));
  }

  /** A group's schedules, oldest first (the first is the group's main one). */
  async listSchedules(
    filter: { ownerGroup?: string } = {},
  ): Promise<StoredOnCallSchedule[]> {
    const query = this.db<ScheduleRow>('itsm_oncall_schedules')
      .orderBy([
        { column: 'owner_group' },
        { column: 'created_at' },
        { column: 'id' },
      ])
      .limit(MAX_SCHEDULES_LISTED);
    if (filter.ownerGroup) {
      query.where('owner_group', filter.ownerGroup);
    }
    return (await query).map(row => this.toSchedule(row));
  }

  /**
   * The schedules that name a user in a layer or an override: a text match on
   * the stored JSON narrows them in SQL; callers compute the shifts.
   */
  async listSchedulesNaming(userRef: string): Promise<StoredOnCallSchedule[]> {
    const pattern = `%${escapeLike(JSON.stringify(userRef))}%`;
    const rows = await this.db<ScheduleRow>('itsm_oncall_schedules')
      .where(inner =>
        inner
          .whereRaw(`layers_json like ? escape '!'`, [pattern])
          .orWhereRaw(`overrides_json like ? escape '!'`, [pattern]),
      )
      .orderBy([{ column: 'name' }])
      .limit(MAX_SCHEDULES_LISTED);
    return rows.map(row => this.toSchedule(row));
  }

  /** Writes the fields only if the stored version is still `expectedVersion`. */
  async updateSchedule(
    id: string,
    expectedVersion: number,
    fields: Partial<Omit<ScheduleFields, 'ownerGroup'>>,
    at: string,
  ): Promise<StoredOnCallSchedule> {
    const columns: Record<string, unknown> = {};
    if (fields.name !== undefined) columns.name = fields.name;
    if (fields.timezone !== undefined) columns.timezone = fields.timezone;
    if (fields.layers !== undefined) {
      columns.layers_json = JSON.stringify(fields.layers);
    }
    if (fields.overrides !== undefined) {
      columns.overrides_json = JSON.stringify(fields.overrides);
    }
    let updated = 0;
    try {
      await this.db.transaction(async tx => {
        const before = await tx<ScheduleRow>('itsm_oncall_schedules')
          .where({ id })
          .first('name');
        updated = await tx('itsm_oncall_schedules')
          .where({ id, version: expectedVersion })
          .update({
            ...columns,
            version: expectedVersion + 1,
            updated_at: this.time.toDb(at),
          });
        if (updated && before && fields.name && fields.name !== before.name) {
          await this.renameInPolicies(tx, before.name, fields.name, at);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          `name: a schedule named ${JSON.stringify(
            fields.name,
          )} exists already`,
        );
      }
      throw error;
    }
    const current = await this.getSchedule(id);
    if (!current) {
      throw new NotFoundError(`No on-call schedule ${id}`);
    }
    if (!updated) {
      throw new ConflictError(
        `Schedule ${current.name} was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and try again`,
      );
    }
    return current;
  }

  async getEscalationPolicy(
    groupRef: string,
  ): Promise<EscalationPolicy | undefined> {
    const row = await this.db<PolicyRow>('itsm_escalation_policies')
      .where({ group_ref: groupRef })
      .first();
    return row ? this.toPolicy(row) : undefined;
  }

  async getEscalationPolicies(
    groupRefs: string[],
  ): Promise<Map<string, EscalationPolicy>> {
    const result = new Map<string, EscalationPolicy>();
    if (!groupRefs.length) return result;
    const rows = await this.db<PolicyRow>('itsm_escalation_policies').whereIn(
      'group_ref',
      groupRefs,
    );
    for (const row of rows) result.set(row.group_ref, this.toPolicy(row));
    return result;
  }

  /**
   * Creates the policy (`expectedVersion` 0 or absent) or replaces it when the
   * stored version is still `expectedVersion`.
   */
  async putEscalationPolicy(
    policy: Omit<EscalationPolicy, 'version' | 'updatedAt'>,
    expectedVersion: number | undefined,
    at: string,
  ): Promise<EscalationPolicy> {
    const columns = {
      levels_json: JSON.stringify(policy.levels),
      reassign_on_breach: policy.reassignOnBreach,
      notify_parent_on_sla: policy.notifyParentOnSla,
      updated_at: this.time.toDb(at),
    };
    if (!expectedVersion) {
      try {
        await this.db('itsm_escalation_policies').insert({
          group_ref: policy.groupRef,
          ...columns,
          version: 1,
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(
            `${policy.groupRef} has an escalation policy already; send its version to replace it`,
          );
        }
        throw error;
      }
    } else {
      const updated = await this.db('itsm_escalation_policies')
        .where({ group_ref: policy.groupRef, version: expectedVersion })
        .update({ ...columns, version: expectedVersion + 1 });
      if (!updated) {
        const current = await this.getEscalationPolicy(policy.groupRef);
        if (!current) {
          throw new NotFoundError(
            `${policy.groupRef} has no escalation policy to replace; send no version to create one`,
          );
        }
        throw new ConflictError(
          `The escalation policy of ${policy.groupRef} was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and try again`,
        );
      }
    }
    return (await this.getEscalationPolicy(policy.groupRef))!;
  }

  /** See {@link escalationSteps.findEscalationCandidates}. */
  async findEscalationCandidates(options: {
    unacknowledgedBefore: string;
    limit: number;
  }): Promise<escalationSteps.EscalationCandidate[]> {
    return escalationSteps.findEscalationCandidates(
      this.db,
      this.time,
      options,
    );
  }

  /** See {@link escalationSteps.fireEscalationStep}. */
  async fireEscalationStep(
    incidentId: string,
    step: string,
    event: NewTimelineEvent,
    at: string,
    reassignment?: escalationSteps.EscalationReassignment,
  ): Promise<boolean> {
    return escalationSteps.fireEscalationStep(
      this.db,
      this.time,
      incidentId,
      step,
      event,
      at,
      reassignment,
    );
  }

  /** Escalation policies name schedules: a rename follows into them. */
  private async renameInPolicies(
    tx: Knex.Transaction,
    from: string,
    to: string,
    at: string,
  ) {
    const rows = await tx<PolicyRow>('itsm_escalation_policies').select();
    for (const row of rows) {
      const levels = JSON.parse(row.levels_json) as EscalationLevel[];
      let changed = false;
      for (const level of levels) {
        for (const target of level.targets) {
          if (target.type === 'schedule' && target.schedule === from) {
            target.schedule = to;
            changed = true;
          }
        }
      }
      if (changed) {
        await tx('itsm_escalation_policies')
          .where({ group_ref: row.group_ref })
          .update({
            levels_json: JSON.stringify(levels),
            version: row.version + 1,
            updated_at: this.time.toDb(at),
          });
      }
    }
  }

  private toSchedule(row: ScheduleRow): StoredOnCallSchedule {
    return {
      id: row.id,
      name: row.name,
      ownerGroup: row.owner_group,
      timezone: row.timezone,
      layers: JSON.parse(row.layers_json),
      overrides: JSON.parse(row.overrides_json),
      version: row.version,
      createdAt: this.time.fromDb(row.created_at),
      updatedAt: this.time.fromDb(row.updated_at),
    };
  }

  private toPolicy(row: PolicyRow): EscalationPolicy {
    return {
      groupRef: row.group_ref,
      levels: JSON.parse(row.levels_json) as EscalationLevel[],
      reassignOnBreach: Boolean(row.reassign_on_breach),
      notifyParentOnSla: Boolean(row.notify_parent_on_sla),
      version: row.version,
      updatedAt: this.time.fromDb(row.updated_at),
    };
  }
}
