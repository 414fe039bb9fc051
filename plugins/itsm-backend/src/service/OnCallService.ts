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
import { CachedEntities } from './CachedEntities';
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
  auth: AuthService;
  providers: OnCallProvider[];
  logger: LoggerService;
  /** The services' own entities, cached briefly. */
  entities: CachedEntities;
}

/** Whose eyes the people are looked up with, and what they must see. */
interface Viewer {
  credentials: BackstageCredentials;
  /** An entity the viewer must be allowed to see, or no answer is given. */
  mustSee?: string;
}

/**
 * Answers "who is on call for this entity?": module providers first (e.g.
 * PagerDuty, for entities they cover), then the built-in schedules of the
 * entity's `openitsm.io/oncall-schedule` annotation or of its owner group
 * (through the group's escalation policy when it has one).
 */
export class OnCallService {
  private readonly store: DatabaseOnCallStore;
  private readonly auth: AuthService;
  private readonly providers: OnCallProvider[];
  private readonly logger: LoggerService;
  private readonly entities: CachedEntities;

  constructor(options: OnCallServiceOptions) {
    this.store = options.store;
    this.auth = options.auth;
    this.providers = options.providers;
    this.logger = options.logger;
    this.entities = options.entities;
  }

  /**
   * Who is on call for an entity the caller can see. One catalog round trip
   * while the entity is cached: the caller's own look-up of the entity and
   * of the people on call, together.
   */
  async getOnCall(
    entityRef: string,
    at: string,
    credentials: BackstageCredentials,
  ): Promise<OnCallResponse> {
    const entity = await this.entities.get(entityRef);
    const answer =
      entity &&
      (await this.answerFor(entity, entityRef, at, {
        credentials,
        mustSee: entityRef,
      }));
    if (!answer) {
      throw new NotFoundError(
        `entityRef: ${entityRef} is not in the catalog (or you cannot see it)`,
      );
    }
    return answer;
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
    const entity = await this.entities.get(entityRef);
    if (!entity) return {};
    const group = this.ownerGroupOf(entity);
    const answer = await this.answerAsPlugin(entity, entityRef, at);
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
    const entity = await this.entities.get(entityRef);
    if (!entity) return [];
    const answer = await this.answerAsPlugin(entity, entityRef, at);
    const users = answer.levels.flatMap(level =>
      level.people.flatMap(p => (p.userRef ? [p.userRef] : [])),
    );
    return [...new Set(users)];
  }

  /** Names and contacts of users (and groups) from the catalog. */
  async people(refs: string[]): Promise<Map<string, OnCallPerson>> {
    const { people } = await this.lookUp(refs, await this.asPlugin());
    return people;
  }

  /** The plugin itself as the viewer: no caller whose sight limits it. */
  private async asPlugin(): Promise<Viewer> {
    return { credentials: await this.auth.getOwnServiceCredentials() };
  }

  /** The answer for the plugin's own use (routing, paging): always given. */
  private async answerAsPlugin(
    entity: Entity,
    entityRef: string,
    at: string,
  ): Promise<OnCallResponse> {
    const answer = await this.answerFor(
      entity,
      entityRef,
      at,
      await this.asPlugin(),
    );
    // Only a viewer that must see an entity can be refused an answer
    return answer!;
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
    // Every schedule the levels name, in one query
    const found = await this.store.getSchedulesByName([
      ...policyScheduleNames(levels),
    ]);
    const schedules = new Map<string, StoredOnCallSchedule>(
      found.map(schedule => [schedule.name, schedule]),
    );
    return policyLevels(levels, schedules, at);
  }

  /** The first module provider that covers the entity, else the built-in schedules. */
  private async answerFor(
    entity: Entity,
    entityRef: string,
    at: string,
    viewer: Viewer,
  ): Promise<OnCallResponse | undefined> {
    for (const provider of this.providers) {
      const answer = await provider.getOnCall({ entity, at });
      if (answer) {
        const { visible } = await this.lookUp([], viewer);
        return visible ? { ...answer, entityRef, at } : undefined;
      }
    }
    return this.builtIn(entity, entityRef, at, viewer);
  }

  private async builtIn(
    entity: Entity,
    entityRef: string,
    at: string,
    viewer: Viewer,
  ): Promise<OnCallResponse | undefined> {
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
    const withContacts = await this.withContacts(levels, viewer);
    if (!withContacts) return undefined;
    return {
      entityRef,
      at,
      source: BUILT_IN_ONCALL_SOURCE,
      ownerGroup: schedule && annotated ? schedule.ownerGroup : ownerGroup,
      scheduleName: schedule?.name,
      scheduleId: schedule?.id,
      levels: withContacts,
    };
  }

  /**
   * Replaces refs by people with the catalog's names and contacts; nothing
   * when the viewer may not see what it must.
   */
  private async withContacts(
    levels: RefLevel[],
    viewer: Viewer,
  ): Promise<OnCallLevel[] | undefined> {
    const refs = new Set<string>();
    for (const level of levels) {
      level.members.forEach(m => refs.add(m.ref));
      if (level.next) refs.add(level.next.userRef);
    }
    const { people, visible } = await this.lookUp([...refs], viewer);
    if (!visible) return undefined;
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

  /**
   * People by ref, as the viewer sees them in the catalog (one the viewer
   * cannot see keeps its ref's name), in one round trip with the entity the
   * viewer must see.
   */
  private async lookUp(
    refs: string[],
    viewer: Viewer,
  ): Promise<{ people: Map<string, OnCallPerson>; visible: boolean }> {
    const result = new Map<string, OnCallPerson>();
    const asked = viewer.mustSee ? [viewer.mustSee, ...refs] : refs;
    if (!asked.length) return { people: result, visible: true };
    const found = await this.entities.seenBy(viewer.credentials, asked, [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'metadata.annotations',
      'spec.profile',
    ]);
    const items = viewer.mustSee ? found.slice(1) : found;
    if (viewer.mustSee && !found[0]) return { people: result, visible: false };
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
    return { people: result, visible: true };
  }
}

function parseName(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
