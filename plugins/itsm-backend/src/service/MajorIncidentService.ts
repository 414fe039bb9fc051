import { LoggerService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError } from '@backstage/errors';
import {
  COMMANDER_ROLE,
  DeclareMajorRequest,
  Incident,
  IncidentSubscriber,
  IncidentUpdateRequest,
  MajorIncident,
  MajorIncidentConfig,
  majorDeclarationRefusal,
  majorProposal,
  nextStakeholderUpdateDue,
  parseTimestamp,
  PutIncidentRolesRequest,
  ServiceSubscriber,
  stakeholderRecipients,
  SubscriberSource,
  TimelineEvent,
} from '@openitsm/backstage-plugin-itsm-common';
import { DatabaseMajorIncidentStore } from '../database/DatabaseMajorIncidentStore';
import { IncidentStore } from '../database/IncidentStore';
import { EntityRefValidator, RefCheck } from './EntityRefValidator';
import { ActorContext } from './IncidentService';
import { userCheck } from './incidentFieldChecks';
import { MajorIncidentCatalog } from './MajorIncidentCatalog';
import { MajorIncidentNotifier } from './majorIncidentNotifier';
import { IncidentEventPublisher } from './IncidentEventPublisher';
import { OnCallService } from './OnCallService';

/** What MajorIncidentService is built from. */
export interface MajorIncidentServiceOptions {
  store: DatabaseMajorIncidentStore;
  incidents: IncidentStore;
  catalog: MajorIncidentCatalog;
  oncall: Pick<OnCallService, 'everyoneOnCall' | 'people'>;
  refs: EntityRefValidator;
  notifier: MajorIncidentNotifier;
  config: MajorIncidentConfig;
  logger: LoggerService;
  /** Told when the major flag changes, like any incident update. */
  events?: Pick<IncidentEventPublisher, 'publish'>;
}

const HTTP_URL = /^https?:\/\/[^\s]+$/i;

/**
 * The major-incident rules: declaring and withdrawing, the crisis cell,
 * subscribers and stakeholder updates with their cadence and notifications.
 */
export class MajorIncidentService {
  private readonly store: DatabaseMajorIncidentStore;
  private readonly incidents: IncidentStore;
  private readonly catalog: MajorIncidentCatalog;
  private readonly oncall: Pick<OnCallService, 'everyoneOnCall' | 'people'>;
  private readonly refs: EntityRefValidator;
  private readonly notifier: MajorIncidentNotifier;
  readonly config: MajorIncidentConfig;
  private readonly logger: LoggerService;
  private readonly events: MajorIncidentServiceOptions['events'];

  constructor(options: MajorIncidentServiceOptions) {
    this.events = options.events;
    this.store = options.store;
    this.incidents = options.incidents;
    this.catalog = options.catalog;
    this.oncall = options.oncall;
    this.refs = options.refs;
    this.notifier = options.notifier;
    this.config = options.config;
    this.logger = options.logger;
  }

  /** The roles of an incident's crisis cell (for authorization). */
  roles(incident: Incident) {
    return this.store.getRolesOf(incident.id);
  }

  /** The major-incident view of any incident. */
  async view(incident: Incident): Promise<MajorIncident> {
    const [record, blastRadius, services] = await Promise.all([
      this.store.getMajor(incident.id),
      this.catalog.blastRadius(
        incident.affectedServices,
        this.config.blastRadiusDepth,
      ),
      this.catalog.entities(incident.affectedServices),
    ]);
    const people = await this.oncall.people([
      ...record.roles.map(r => r.userRef),
      ...record.subscribers.map(s => s.ref),
    ]);
    const tiers = new Map(
      incident.affectedServices.map(ref => [
        ref,
        this.catalog.facts(ref, services.get(ref)).tier,
      ]),
    );
    return {
      incidentId: incident.id,
      ref: incident.ref,
      major: incident.major,
      declaredAt: record.declaredAt,
      declaredBy: record.declaredBy,
      reason: record.reason,
      withdrawnAt: record.withdrawnAt,
      withdrawnBy: record.withdrawnBy,
      withdrawReason: record.withdrawReason,
      bridgeUrl: record.bridgeUrl,
      cadenceMinutes: this.config.cadenceMinutes[incident.priority],
      lastUpdateAt: record.lastUpdateAt,
      nextUpdateDueAt: incident.major ? record.nextUpdateDueAt : undefined,
      roles: record.roles.map(r => {
        const person = people.get(r.userRef);
        return {
          ...r,
          displayName: person?.displayName ?? nameOf(r.userRef),
          email: person?.email,
          chatUrl: person?.chatUrl,
        };
      }),
      availableRoles: this.config.roles,
      subscribers: record.subscribers.map(s => ({
        ...s,
        displayName: people.get(s.ref)?.displayName ?? nameOf(s.ref),
      })),
      updates: record.updates,
      blastRadius,
      proposal: majorProposal(incident, tiers, this.config),
    };
  }

  /**
   * Declares the incident major: subscribes the owners of the affected
   * services and of their dependents, the services' own subscribers and the
   * management group; pages everyone on call for the affected services and
   * notifies the owner groups and the management group.
   */
  async declare(
    incident: Incident,
    request: DeclareMajorRequest,
    ctx: ActorContext,
  ): Promise<Incident> {
    const now = ctx.now ?? new Date().toISOString();
    const reason = request.reason.trim();
    if (!reason) throw new InputError('reason must not be empty');
    const declare = request.major !== false;
    const refusal = majorDeclarationRefusal(incident, declare);
    if (refusal) {
      throw incident.major === declare
        ? new ConflictError(refusal)
        : new InputError(`major: ${refusal}`);
    }
    if (!declare) {
      await this.store.withdraw({
        incidentId: incident.id,
        version: incident.version,
        actor: ctx.actor,
        reason,
        event: {
          type: 'major_withdrawn',
          actor: ctx.actor,
          message: `Major incident withdrawn: ${reason}`,
          before: { major: true },
          after: { major: false, reason },
        },
        at: now,
      });
      return this.majorChanged(incident, ctx);
    }
    const bridgeUrl = checkBridgeUrl(request.bridgeUrl);

    const affected = await this.catalog.entities(incident.affectedServices);
    const owners = unique(
      incident.affectedServices.flatMap(ref => {
        const owner = this.catalog.facts(ref, affected.get(ref)).owner;
        return owner ? [owner] : [];
      }),
    );
    const radius = await this.catalog.blastRadius(
      incident.affectedServices,
      this.config.blastRadiusDepth,
    );
    const dependentOwners = unique(
      radius.services.flatMap(s => (s.owner ? [s.owner] : [])),
    ).filter(o => !owners.includes(o));
    const serviceSubscribers = await this.store.listServiceSubscribers(
      incident.affectedServices,
    );
    const management = this.config.managementGroup;
    const subscribers: Array<{ ref: string; source: SubscriberSource }> = [
      ...owners.map(ref => ({ ref, source: 'owner' as const })),
      ...dependentOwners.map(ref => ({
        ref,
        source: 'dependent_owner' as const,
      })),
      ...serviceSubscribers.map(s => ({
        ref: s.ref,
        source: 'service' as const,
      })),
      ...(management
        ? [{ ref: management, source: 'management' as const }]
        : []),
    ];
    const firstSeen = new Set<string>();
    const uniqueSubscribers = subscribers.filter(s =>
      firstSeen.has(s.ref) ? false : (firstSeen.add(s.ref), true),
    );

    const onCall = unique(
      (
        await Promise.all(
          incident.affectedServices.map(ref =>
            this.oncall.everyoneOnCall(ref, now),
          ),
        )
      ).flat(),
    );
    const nextUpdateDueAt = nextStakeholderUpdateDue(
      incident.priority,
      now,
      this.config.cadenceMinutes,
    );
    await this.store.declare({
      incidentId: incident.id,
      version: incident.version,
      actor: ctx.actor,
      reason,
      bridgeUrl,
      nextUpdateDueAt,
      subscribers: uniqueSubscribers,
      events: [
        {
          type: 'major_declared',
          actor: ctx.actor,
          message: `Declared a major incident: ${reason}`,
          before: { major: false },
          after: {
            major: true,
            reason,
            paged: onCall,
            notified: [...owners, ...(management ? [management] : [])],
            subscribed: uniqueSubscribers.map(s => s.ref),
            nextUpdateDueAt,
          },
        },
      ],
      at: now,
    });

    const members = await this.catalog.membersOf([
      ...owners,
      ...(management ? [management] : []),
    ]);
    const told = stakeholderRecipients(
      [...owners, ...(management ? [management] : [])],
      members,
    ).filter(person => !onCall.includes(person));
    const title = `Major incident ${incident.ref}: ${incident.title}`;
    await this.notifier.notify({
      recipients: onCall,
      title,
      description: `You are on call for ${incident.affectedServices.join(
        ', ',
      )}: join the crisis cell. ${reason}`,
      incidentRef: incident.ref,
      severity: 'critical',
      kind: 'major-page',
    });
    await this.notifier.notify({
      recipients: told,
      title,
      description: `Declared major by ${nameOf(ctx.actor)}: ${reason}`,
      incidentRef: incident.ref,
      severity: 'high',
      kind: 'major-declared',
    });
    return this.majorChanged(incident, ctx);
  }

  /** The incident after a declaration or withdrawal, told to listeners. */
  private async majorChanged(
    previous: Incident,
    ctx: ActorContext,
  ): Promise<Incident> {
    const incident = (await this.incidents.getIncident(previous.id))!;
    await this.events?.publish({
      type: 'incident.updated',
      incident,
      previous,
      actor: ctx.actor,
    });
    return incident;
  }

  /** Replaces the crisis cell (and the bridge link when given). */
  async setRoles(
    incident: Incident,
    request: PutIncidentRolesRequest,
    ctx: ActorContext,
  ): Promise<void> {
    if (!incident.major) {
      throw new ConflictError(
        `${incident.ref} is not a major incident; declare it major before setting its crisis cell`,
      );
    }
    const seen = new Set<string>();
    const checks: RefCheck[] = request.roles.map((r, i) => {
      if (!this.config.roles.includes(r.role)) {
        throw new InputError(
          `roles[${i}].role: unknown role "${
            r.role
          }"; use one of ${this.config.roles.join(', ')}`,
        );
      }
      if (seen.has(r.role)) {
        throw new InputError(
          `roles[${i}].role: ${r.role} is given twice; a role has one person`,
        );
      }
      seen.add(r.role);
      return userCheck(`roles[${i}].userRef`, r.userRef);
    });
    const users = await this.refs.validate(checks, ctx.credentials);
    const roles = request.roles.map((r, i) => ({
      role: r.role,
      userRef: users[i],
    }));
    const bridgeUrl =
      request.bridgeUrl === null ? null : checkBridgeUrl(request.bridgeUrl);
    const before = await this.store.getMajor(incident.id);
    const describe = (list: Array<{ role: string; userRef: string }>) =>
      list.map(r => `${r.role}: ${r.userRef}`).join(', ') || 'nobody';
    await this.store.setRoles({
      incidentId: incident.id,
      roles,
      bridgeUrl,
      event: {
        type: 'roles_changed',
        actor: ctx.actor,
        message: `Crisis cell: ${describe(roles)}${
          bridgeUrl ? `; bridge ${bridgeUrl}` : ''
        }`,
        before: {
          roles: before.roles,
          ...(bridgeUrl !== undefined ? { bridgeUrl: before.bridgeUrl } : {}),
        },
        after: { roles, ...(bridgeUrl !== undefined ? { bridgeUrl } : {}) },
      },
      at: ctx.now ?? new Date().toISOString(),
    });
  }

  /** Subscribes a user or group (the actor when absent). */
  async subscribe(
    incident: Incident,
    subscriber: string | undefined,
    ctx: ActorContext,
  ): Promise<IncidentSubscriber[]> {
    const ref = await this.subscriberRef(subscriber, ctx);
    await this.store.addSubscriber({
      incidentId: incident.id,
      ref,
      source: 'manual',
      event: {
        type: 'subscribers_changed',
        actor: ctx.actor,
        message: `${ref} subscribed to stakeholder updates`,
        after: { subscribed: ref },
      },
      at: ctx.now ?? new Date().toISOString(),
    });
    return this.subscribers(incident);
  }

  async unsubscribe(
    incident: Incident,
    subscriber: string | undefined,
    ctx: ActorContext,
  ): Promise<IncidentSubscriber[]> {
    const ref = this.parseSubscriber(subscriber, ctx);
    await this.store.removeSubscriber({
      incidentId: incident.id,
      ref,
      event: {
        type: 'subscribers_changed',
        actor: ctx.actor,
        message: `${ref} unsubscribed from stakeholder updates`,
        after: { unsubscribed: ref },
      },
      at: ctx.now ?? new Date().toISOString(),
    });
    return this.subscribers(incident);
  }

  /** Whether `subscriber` (default: the actor) is the actor. */
  isSelf(subscriber: string | undefined, ctx: ActorContext): boolean {
    return (
      subscriber === undefined ||
      this.parseSubscriber(subscriber, ctx) ===
        ctx.actor.toLocaleLowerCase('en-US')
    );
  }

  async subscribeToService(
    entityRef: string,
    subscriber: string | undefined,
    ctx: ActorContext,
  ): Promise<ServiceSubscriber[]> {
    const [service] = await this.refs.validate(
      [
        {
          field: 'entityRef',
          ref: entityRef,
          defaultKind: 'component',
          service: true,
        },
      ],
      ctx.credentials,
    );
    const ref = await this.subscriberRef(subscriber, ctx);
    await this.store.addServiceSubscriber(
      service,
      ref,
      ctx.now ?? new Date().toISOString(),
    );
    return this.store.listServiceSubscribers([service]);
  }

  async unsubscribeFromService(
    entityRef: string,
    subscriber: string | undefined,
    ctx: ActorContext,
  ): Promise<ServiceSubscriber[]> {
    const service = this.refs.normalize({
      field: 'entityRef',
      ref: entityRef,
      defaultKind: 'component',
      service: true,
    });
    const ref = this.parseSubscriber(subscriber, ctx);
    await this.store.removeServiceSubscriber(service, ref);
    return this.store.listServiceSubscribers([service]);
  }

  /**
   * Posts a stakeholder update: one notification per subscribed person
   * (members of subscribed groups included, each once), and the next update
   * falls due after the priority's cadence (or at the promised time).
   */
  async postStakeholderUpdate(
    incident: Incident,
    request: IncidentUpdateRequest,
    ctx: ActorContext,
  ): Promise<TimelineEvent> {
    const now = ctx.now ?? new Date().toISOString();
    const message = request.message.trim();
    if (!message) throw new InputError('message must not be empty');
    const promised = request.nextUpdateAt
      ? parseTimestamp('nextUpdateAt', request.nextUpdateAt)
      : undefined;
    if (promised && Date.parse(promised) <= Date.parse(now)) {
      throw new InputError('nextUpdateAt must be in the future');
    }
    const stage =
      request.stage ??
      (incident.status === 'resolved' || incident.status === 'closed'
        ? 'resolved'
        : 'investigating');
    const subscribers = await this.store.listSubscribers(incident.id);
    const refs = subscribers.map(s => s.ref);
    const members = await this.catalog.membersOf(
      refs.filter(r => r.startsWith('group:')),
    );
    const recipients = stakeholderRecipients(refs, members);
    const closing =
      stage === 'resolved' ||
      incident.status === 'resolved' ||
      incident.status === 'closed' ||
      incident.status === 'cancelled';
    const nextUpdateDueAt = closing
      ? undefined
      : nextStakeholderUpdateDue(
          incident.priority,
          now,
          this.config.cadenceMinutes,
          promised,
        );
    const impact = request.impact?.trim() || undefined;
    const nextSteps = request.nextSteps?.trim() || undefined;
    const { event } = await this.store.addStakeholderUpdate({
      incidentId: incident.id,
      update: {
        stage,
        message,
        impact,
        nextSteps,
        nextUpdateAt: nextUpdateDueAt,
        actor: ctx.actor,
        recipientCount: recipients.length,
      },
      nextUpdateDueAt,
      at: now,
    });
    const parts = [message];
    if (impact) parts.push(`Impact: ${impact}`);
    if (nextSteps) parts.push(`Next steps: ${nextSteps}`);
    if (nextUpdateDueAt) parts.push(`Next update by ${nextUpdateDueAt}`);
    await this.notifier.notify({
      recipients,
      title: `${incident.ref} (${stage}): ${incident.title}`,
      description: parts.join('\n'),
      incidentRef: incident.ref,
      severity: incident.major ? 'high' : 'normal',
      kind: 'stakeholder-update',
    });
    this.logger.info(
      `Stakeholder update on ${incident.ref} sent to ${
        recipients.length
      } people${recipients.length <= 50 ? `: ${recipients.join(', ')}` : ''}`,
    );
    return event;
  }

  private async subscribers(incident: Incident): Promise<IncidentSubscriber[]> {
    const list = await this.store.listSubscribers(incident.id);
    const people = await this.oncall.people(list.map(s => s.ref));
    return list.map(s => ({
      ...s,
      displayName: people.get(s.ref)?.displayName ?? nameOf(s.ref),
    }));
  }

  private parseSubscriber(subscriber: string | undefined, ctx: ActorContext) {
    if (subscriber === undefined) return ctx.actor.toLocaleLowerCase('en-US');
    return this.refs.normalize({
      field: 'subscriber',
      ref: subscriber,
      defaultKind: 'user',
      kinds: ['user', 'group'],
    });
  }

  private async subscriberRef(
    subscriber: string | undefined,
    ctx: ActorContext,
  ): Promise<string> {
    if (subscriber === undefined) {
      if (!ctx.actor.startsWith('user:')) {
        throw new InputError(
          'subscriber: a service caller must name the user or group to subscribe',
        );
      }
      return ctx.actor.toLocaleLowerCase('en-US');
    }
    const [ref] = await this.refs.validate(
      [
        {
          field: 'subscriber',
          ref: subscriber,
          defaultKind: 'user',
          kinds: ['user', 'group'],
        },
      ],
      ctx.credentials,
    );
    return ref;
  }
}

/** The commander of a crisis cell, if any. */
export function commanderOf(roles: Array<{ role: string; userRef: string }>) {
  return roles.find(r => r.role === COMMANDER_ROLE)?.userRef;
}

function checkBridgeUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const trimmed = url.trim();
  if (!HTTP_URL.test(trimmed)) {
    throw new InputError(
      'bridgeUrl must be an http or https link, e.g. https://meet.example.com/inc-1042',
    );
  }
  return trimmed;
}

function unique(refs: string[]): string[] {
  return [...new Set(refs)];
}

function nameOf(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return slash >= 0 ? ref.slice(slash + 1) : ref;
}
