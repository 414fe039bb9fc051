import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  CreateOnCallScheduleRequest,
  EscalationPolicy,
  OnCallLayer,
  OnCallOverride,
  PutEscalationPolicyRequest,
  StoredOnCallSchedule,
  UpdateOnCallScheduleRequest,
  validateEscalationLevels,
  validateOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { EntityRefValidator, RefCheck } from './EntityRefValidator';

const MAX_OVERRIDES = 500;

function invalid(problems: string[]): InputError {
  return new InputError(problems.join('; '));
}

/**
 * Creating and changing schedules and escalation policies: the rules of
 * itsm-common, plus the catalog refs they name.
 */
export class OnCallScheduleService {
  constructor(
    private readonly store: DatabaseOnCallStore,
    private readonly refs: EntityRefValidator,
  ) {}

  normalizeGroup(ref: string, field = 'ownerGroup'): string {
    return this.refs.normalize({
      field,
      ref,
      defaultKind: 'group',
      kinds: ['group'],
    });
  }

  async create(
    request: CreateOnCallScheduleRequest,
    credentials: BackstageCredentials,
    at: string,
  ): Promise<StoredOnCallSchedule> {
    const [ownerGroup] = await this.refs.validate(
      [
        {
          field: 'ownerGroup',
          ref: request.ownerGroup,
          defaultKind: 'group',
          kinds: ['group'],
        },
      ],
      credentials,
    );
    const schedule = await this.checked(
      {
        name: request.name?.trim(),
        timezone: request.timezone,
        layers: request.layers,
        overrides: request.overrides ?? [],
      },
      credentials,
    );
    return this.store.createSchedule({ ...schedule, ownerGroup }, at);
  }

  async update(
    current: StoredOnCallSchedule,
    request: UpdateOnCallScheduleRequest,
    credentials: BackstageCredentials,
    at: string,
  ): Promise<StoredOnCallSchedule> {
    const schedule = await this.checked(
      {
        name: request.name?.trim() ?? current.name,
        timezone: request.timezone ?? current.timezone,
        layers: request.layers ?? current.layers,
        overrides: request.overrides ?? current.overrides,
      },
      credentials,
    );
    return this.store.updateSchedule(current.id, request.version, schedule, at);
  }

  async putPolicy(
    groupRef: string,
    request: PutEscalationPolicyRequest,
    credentials: BackstageCredentials,
    at: string,
  ): Promise<EscalationPolicy> {
    const problems = validateEscalationLevels(request.levels);
    if (problems.length) throw invalid(problems);
    await this.refs.validate(
      [
        {
          field: 'group',
          ref: groupRef,
          defaultKind: 'group',
          kinds: ['group'],
        },
      ],
      credentials,
    );
    const checks: RefCheck[] = [];
    const levels = request.levels.map((level, i) => ({
      afterMinutes: level.afterMinutes,
      targets: level.targets.map((target, j) => {
        const field = `levels[${i}].targets[${j}]`;
        if (target.type === 'user') {
          checks.push({
            field: `${field}.userRef`,
            ref: target.userRef,
            defaultKind: 'user',
            kinds: ['user'],
          });
          return { type: 'user' as const, userRef: '' };
        }
        if (target.type === 'group') {
          checks.push({
            field: `${field}.groupRef`,
            ref: target.groupRef,
            defaultKind: 'group',
            kinds: ['group'],
          });
          return { type: 'group' as const, groupRef: '' };
        }
        return target;
      }),
    }));
    const normalized = await this.refs.validate(checks, credentials);
    // The normalized refs come back in the order the checks were pushed
    const refs = normalized[Symbol.iterator]();
    for (const level of levels) {
      for (const [j, target] of level.targets.entries()) {
        if (target.type === 'user') {
          level.targets[j] = { type: 'user', userRef: refs.next().value! };
        } else if (target.type === 'group') {
          level.targets[j] = { type: 'group', groupRef: refs.next().value! };
        }
      }
    }
    for (const [i, level] of levels.entries()) {
      for (const [j, target] of level.targets.entries()) {
        if (target.type !== 'schedule') continue;
        const schedule = await this.store.getSchedule(target.schedule);
        const field = `levels[${i}].targets[${j}]`;
        if (!schedule) {
          throw new InputError(
            `${field}.schedule: there is no on-call schedule named ${JSON.stringify(
              target.schedule,
            )}`,
          );
        }
        if (
          target.layer &&
          !schedule.layers.some(l => l.name === target.layer)
        ) {
          throw new InputError(
            `${field}.layer: schedule ${
              schedule.name
            } has no layer ${JSON.stringify(
              target.layer,
            )}; it has ${schedule.layers.map(l => l.name).join(', ')}`,
          );
        }
        level.targets[j] = {
          type: 'schedule',
          schedule: schedule.name,
          layer: target.layer,
        };
      }
    }
    return this.store.putEscalationPolicy(
      {
        groupRef,
        levels,
        reassignOnBreach: request.reassignOnBreach ?? false,
        notifyParentOnSla: request.notifyParentOnSla ?? false,
      },
      request.version,
      at,
    );
  }

  /** Validates a whole schedule and normalizes the user refs it names. */
  private async checked(
    schedule: {
      name: string;
      timezone: string;
      layers: OnCallLayer[];
      overrides: OnCallOverride[];
    },
    credentials: BackstageCredentials,
  ) {
    const problems = validateOnCallSchedule(schedule);
    if (schedule.overrides.length > MAX_OVERRIDES) {
      problems.push(
        `overrides: at most ${MAX_OVERRIDES}; remove the ones that have ended`,
      );
    }
    if (problems.length) throw invalid(problems);
    const checks: RefCheck[] = [];
    schedule.layers.forEach((layer, i) =>
      layer.users.forEach((user, j) =>
        checks.push({
          field: `layers[${i}].users[${j}]`,
          ref: user,
          defaultKind: 'user',
          kinds: ['user'],
        }),
      ),
    );
    schedule.overrides.forEach((o, i) =>
      checks.push({
        field: `overrides[${i}].user`,
        ref: o.user,
        defaultKind: 'user',
        kinds: ['user'],
      }),
    );
    const users = await this.refs.validate(checks, credentials);
    let next = 0;
    return {
      name: schedule.name,
      timezone: schedule.timezone,
      layers: schedule.layers.map(layer => ({
        ...layer,
        users: layer.users.map(() => users[next++]),
      })),
      overrides: schedule.overrides.map(o => ({
        ...o,
        user: users[next++],
        from: new Date(o.from).toISOString(),
        to: new Date(o.to).toISOString(),
      })),
    };
  }
}
