import {
  AuthService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CHAT_URL,
  ANNOTATION_ONCALL_SCHEDULE,
  EscalationLevel,
  OnCallLevel,
  OnCallPerson,
  OnCallResponse,
  StoredOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { OnCallProvider } from '@openitsm/backstage-plugin-itsm-node';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import {
  policyLevels,
  policyScheduleNames,
  RefLevel,
  scheduleLevels,
} from './builtInOnCallLevels';

/** The source of answers from the built-in schedules. */
export const BUILT_IN_ONCALL_SOURCE = 'itsm';

/** What OnCallService is built from. */
export interface OnCallServiceOptions {
  store: DatabaseOnCallStore;
  catalog: CatalogService;
  auth: AuthService;
  providers: OnCallProvider[];
  logger: LoggerService;
}

/**
 * Answers "who is on call for this entity?": module providers first (e.g.
 * PagerDuty, for entities they cover), then the built-in schedules of the
 * entity's `openitsm.io/oncall-schedule` annotation or of its owner group
 * (through the group's escalation policy when it has one).
 */
export class OnCallService {
  private readonly store: DatabaseOnCallStore;
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly providers: OnCallProvider[];
  private readonly logger: LoggerService;

  constructor(options: OnCallServiceOptions) {
    this.store = options.store;
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.providers = options.providers;
    this.logger = options.logger;
  }

  async getOnCall(
    entityRef: string,
    at: string,
    credentials: BackstageCredentials,
  ): Promise<OnCallResponse> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `entityRef: ${entityRef} is not in the catalog (or you cannot see it)`,
      );
    }
    return this.answerFor(entity, entityRef, at);
  }

  /**
   * Where a new incident on a service goes: the service's owner group and
   * whoever is first on call for it (a module provider's answer, the
   * service's annotated schedule or the group's). Either may be absent.
   */
  async routeFor(
    entityRef: string,
    at: string,
  ): Promise<{ group?: string; user?: string }> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) return {};
    const group = this.ownerGroupOf(entity);
    const answer = await this.answerFor(entity, entityRef, at);
    const user = answer.levels
      .flatMap(level => level.people)
      .find(person => person.userRef)?.userRef;
    return { group, user };
  }

  /**
   * The first person on call for a group right now (level 1 of its policy,
   * or the first layer of its first schedule), for auto-assignment.
   */
  async currentOnCallUser(
    groupRef: string,
    at: string,
  ): Promise<string | undefined> {
    const levels = await this.groupLevels(groupRef, at);
    for (const level of levels) {
      const user = level.members.find(m => m.kind === 'user');
      if (user) return user.ref;
    }
    return undefined;
  }

  /**
   * Every user on call for a service right now, at every level (a major
   * incident pages them all).
   */
  async everyoneOnCall(entityRef: string, at: string): Promise<string[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) return [];
    const answer = await this.answerFor(entity, entityRef, at);
    const users = answer.levels.flatMap(level =>
      level.people.flatMap(p => (p.userRef ? [p.userRef] : [])),
    );
    return [...new Set(users)];
  }

  /** Names and contacts of users (and groups) from the catalog. */
  async people(refs: string[]): Promise<Map<string, OnCallPerson>> {
    return this.lookUp(refs);
  }

  /** The owner group of an entity, when it is owned by a group. */
  ownerGroupOf(entity: Entity): string | undefined {
    if (entity.kind.toLocaleLowerCase('en-US') === 'group') {
      return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    }
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string' || !owner) return undefined;
    try {
      const ref = parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
      return ref.kind.toLocaleLowerCase('en-US') === 'group'
        ? stringifyEntityRef(ref).toLocaleLowerCase('en-US')
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** The levels of a group: its policy, else its first schedule's layers. */
  async groupLevels(groupRef: string, at: string): Promise<RefLevel[]> {
    const policy = await this.store.getEscalationPolicy(groupRef);
    if (policy && policy.levels.length) {
      return this.resolveLevels(policy.levels, at);
    }
    const [first] = await this.store.listSchedules({ ownerGroup: groupRef });
    return first ? scheduleLevels(first, at) : [];
  }

  /** The users and groups one escalation level pages at an instant. */
  async levelsFor(level: EscalationLevel, at: string): Promise<string[]> {
    const [resolved] = await this.resolveLevels([level], at);
    return resolved.members.map(m => m.ref);
  }

  private async resolveLevels(
    levels: EscalationLevel[],
    at: string,
  ): Promise<RefLevel[]> {
    const schedules = new Map<string, StoredOnCallSchedule>();
    for (const name of policyScheduleNames(levels)) {
      const schedule = await this.store.getSchedule(name);
      if (schedule) schedules.set(schedule.name, schedule);
    }
    return policyLevels(levels, schedules, at);
  }

  /** The first module provider that covers the entity, else the built-in schedules. */
  private async answerFor(
    entity: Entity,
    entityRef: string,
    at: string,
  ): Promise<OnCallResponse> {
    for (const provider of this.providers) {
      const answer = await provider.getOnCall({ entity, at });
      if (answer) {
        return { ...answer, entityRef, at };
      }
    }
    return this.builtIn(entity, entityRef, at);
  }

  private async builtIn(
    entity: Entity,
    entityRef: string,
    at: string,
  ): Promise<OnCallResponse> {
    const ownerGroup = this.ownerGroupOf(entity);
    const annotated = entity.metadata.annotations?.[ANNOTATION_ONCALL_SCHEDULE];
    let levels: RefLevel[] = [];
    if (annotated) {
      const schedule = await this.store.getSchedule(annotated);
      if (!schedule) {
        this.logger.warn(
          `${entityRef} names on-call schedule ${JSON.stringify(
            annotated,
          )} in ${ANNOTATION_ONCALL_SCHEDULE}, but there is no such schedule`,
        );
      } else {
        levels = scheduleLevels(schedule, at);
      }
    } else if (ownerGroup) {
      levels = await this.groupLevels(ownerGroup, at);
    }
    const schedule = levels.find(l => l.schedule)?.schedule;
    return {
      entityRef,
      at,
      source: BUILT_IN_ONCALL_SOURCE,
      ownerGroup: schedule && annotated ? schedule.ownerGroup : ownerGroup,
      scheduleName: schedule?.name,
      scheduleId: schedule?.id,
      levels: await this.withContacts(levels),
    };
  }

  /** Replaces refs by people with the catalog's names and contacts. */
  private async withContacts(levels: RefLevel[]): Promise<OnCallLevel[]> {
    const refs = new Set<string>();
    for (const level of levels) {
      level.members.forEach(m => refs.add(m.ref));
      if (level.next) refs.add(level.next.userRef);
    }
    const people = await this.lookUp([...refs]);
    const person = (ref: string) =>
      people.get(ref) ?? { userRef: ref, displayName: parseName(ref) };
    return levels.map(level => ({
      level: level.level,
      name: level.name,
      people: level.members.map(m => person(m.ref)),
      until: level.until,
      next: level.next
        ? { person: person(level.next.userRef), from: level.next.from }
        : undefined,
      shiftSource: level.shiftSource,
    }));
  }

  private async lookUp(refs: string[]): Promise<Map<string, OnCallPerson>> {
    const result = new Map<string, OnCallPerson>();
    if (!refs.length) return result;
    const { items } = await this.catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec.profile',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    items.forEach((entity, i) => {
      if (!entity) return;
      const profile =
        (entity.spec?.profile as
          | { displayName?: string; email?: string }
          | undefined) ?? {};
      const isUser = entity.kind.toLocaleLowerCase('en-US') === 'user';
      result.set(refs[i], {
        userRef: isUser ? refs[i] : undefined,
        displayName:
          profile.displayName ?? entity.metadata.title ?? entity.metadata.name,
        email: profile.email,
        chatUrl: entity.metadata.annotations?.[ANNOTATION_CHAT_URL],
      });
    });
    return result;
  }
}

function parseName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
