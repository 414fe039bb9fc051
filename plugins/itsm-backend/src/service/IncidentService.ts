import { checkVersion } from './checkVersion';
import { LoggerService } from '@backstage/backend-plugin-api';
import { OnCallService } from './OnCallService';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  allowedIncidentTransitions,
  canTransitionIncident,
  CreateIncidentRequest,
  derivePriority,
  describeIllegalTransition,
  Incident,
  IncidentSource,
  isReopen,
  TimelineEvent,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  IncidentChanges,
  IncidentFields,
  IncidentStore,
  NewTimelineEvent,
} from '../database/IncidentStore';
import { EntityRefValidator, RefCheck } from './EntityRefValidator';
import { ItsmConfig } from './ItsmConfig';
import { describeChanges } from './describeChanges';
import { IncidentEventPublisher } from './IncidentEventPublisher';
import { SlaCalculator } from './SlaCalculator';
import { SlaTierResolver } from './SlaTierResolver';

/**
 * Who acts, with which credentials entity refs are checked in the catalog,
 * and when (`now` defaults to the current time; importers of history set it).
 */
export interface ActorContext {
  actor: string;
  credentials: BackstageCredentials;
  now?: string;
}

/** What IncidentService is built from. */
export interface IncidentServiceOptions {
  store: IncidentStore;
  refs: EntityRefValidator;
  config: ItsmConfig;
  sla: SlaCalculator;
  tiers: Pick<SlaTierResolver, 'tierOf'>;
  events?: IncidentEventPublisher;
  oncall?: Pick<OnCallService, 'routeFor' | 'currentOnCallUser'>;
  logger?: LoggerService;
}

/**
 * The incident rules: priority from the matrix, legal transitions, the
 * timeline entry for each change, and catalog checks on entity refs.
 */
export class IncidentService {
  private readonly store: IncidentStore;
  private readonly refs: EntityRefValidator;
  private readonly config: ItsmConfig;
  private readonly sla: SlaCalculator;
  private readonly tiers: Pick<SlaTierResolver, 'tierOf'>;
  private readonly events: IncidentEventPublisher | undefined;
  private readonly oncall:
    | Pick<OnCallService, 'routeFor' | 'currentOnCallUser'>
    | undefined;
  private readonly logger: LoggerService | undefined;

  constructor(options: IncidentServiceOptions) {
    this.store = options.store;
    this.refs = options.refs;
    this.config = options.config;
    this.sla = options.sla;
    this.tiers = options.tiers;
    this.events = options.events;
    this.oncall = options.oncall;
    this.logger = options.logger;
  }

  async create(
    request: CreateIncidentRequest & { source?: IncidentSource },
    ctx: ActorContext,
  ): Promise<Incident> {
    const now = ctx.now ?? new Date().toISOString();
    const title = request.title.trim();
    if (!title) {
      throw new InputError('title must not be empty');
    }
    this.checkCategory(request.category);
    if (!request.affectedServices.length) {
      throw new InputError('affectedServices must name at least one service');
    }
    const checks: RefCheck[] = request.affectedServices.map((ref, i) => ({
      field: `affectedServices[${i}]`,
      ref,
      defaultKind: 'component',
    }));
    if (request.assignee) {
      checks.push(userCheck('assignee', request.assignee));
    }
    if (request.assignedGroup) {
      checks.push(groupCheck('assignedGroup', request.assignedGroup));
    }
    const normalized = await this.checkRefs(checks, ctx);
    const services = unique(
      normalized.slice(0, request.affectedServices.length),
    );
    let next = request.affectedServices.length;
    let assignee = request.assignee ? normalized[next++] : undefined;
    let assignedGroup = request.assignedGroup ? normalized[next++] : undefined;
    let autoAssigned = false;
    if (!assignee && this.oncall) {
      const routed = await this.autoAssignment(services[0], assignedGroup, now);
      autoAssigned = !!(routed.group ?? routed.user);
      assignedGroup ??= routed.group;
      assignee = routed.user;
    }
    const occurredAt = request.occurredAt
      ? parseTime('occurredAt', request.occurredAt)
      : undefined;

    const priority = derivePriority(
      request.impact,
      request.urgency,
      this.config.priorityMatrix,
    );
    const fields: IncidentFields = {
      title,
      description: request.description ?? '',
      affectedServices: services,
      category: request.category,
      impact: request.impact,
      urgency: request.urgency,
      priority,
      status: 'new',
      assignee,
      assignedGroup,
      reporter: ctx.actor,
      reporterContact: request.reporterContact,
      source: request.source ?? 'portal',
      occurredAt,
      detectedAt: now,
      major: false,
      reopenCount: 0,
      sla: this.sla.compute({
        priority,
        policy: await this.tiers.tierOf(services[0]),
        detectedAt: now,
        pauses: [],
        now,
      }),
    };
    const events: NewTimelineEvent[] = [
      {
        type: 'created',
        actor: ctx.actor,
        message: `Reported with priority ${priority} (${
          request.impact
        } impact, ${request.urgency} urgency) on ${services.join(', ')}`,
        after: { status: 'new', priority, affectedServices: services },
      },
    ];
    if (assignee || assignedGroup) {
      events.push({
        type: 'assigned',
        actor: ctx.actor,
        message: `${
          autoAssigned
            ? 'Assigned automatically (owner and on-call)'
            : 'Assigned'
        } to ${[assignedGroup, assignee].filter(Boolean).join(' / ')}`,
        after: { assignee, assignedGroup },
      });
    }
    const incident = await this.store.createIncident(fields, events, now);
    await this.events?.publish({
      type: 'incident.created',
      incident,
      actor: ctx.actor,
    });
    return incident;
  }

  async get(idOrRef: string): Promise<Incident> {
    const incident = await this.store.getIncident(idOrRef);
    if (!incident) {
      throw new NotFoundError(`No incident ${idOrRef}`);
    }
    return incident;
  }

  async update(
    current: Incident,
    request: Omit<UpdateIncidentRequest, 'version'> & { version?: number },
    ctx: ActorContext,
  ): Promise<Incident> {
    const now = ctx.now ?? new Date().toISOString();
    checkVersion(current, request.version, 'Incident');

    const changes: IncidentChanges = {};
    const events: NewTimelineEvent[] = [];

    // Plain fields
    if (request.title !== undefined) {
      const title = request.title.trim();
      if (!title) throw new InputError('title must not be empty');
      if (title !== current.title) changes.title = title;
    }
    if (
      request.description !== undefined &&
      request.description !== current.description
    ) {
      changes.description = request.description;
    }
    if (
      request.category !== undefined &&
      request.category !== current.category
    ) {
      this.checkCategory(request.category);
      changes.category = request.category;
    }
    if (
      request.reporterContact !== undefined &&
      (request.reporterContact ?? undefined) !== current.reporterContact
    ) {
      changes.reporterContact = request.reporterContact;
    }
    const impact = request.impact ?? current.impact;
    const urgency = request.urgency ?? current.urgency;
    if (impact !== current.impact) changes.impact = impact;
    if (urgency !== current.urgency) changes.urgency = urgency;
    const priority = derivePriority(
      impact,
      urgency,
      this.config.priorityMatrix,
    );
    if (priority !== current.priority) changes.priority = priority;

    // Entity refs, checked against the catalog in one round trip
    const checks: RefCheck[] = [];
    (request.affectedServices ?? []).forEach((ref, i) =>
      checks.push({
        field: `affectedServices[${i}]`,
        ref,
        defaultKind: 'component',
      }),
    );
    if (request.affectedServices && !request.affectedServices.length) {
      throw new InputError('affectedServices must name at least one service');
    }
    if (request.assignee) checks.push(userCheck('assignee', request.assignee));
    if (request.assignedGroup) {
      checks.push(groupCheck('assignedGroup', request.assignedGroup));
    }
    const normalized = await this.checkRefs(checks, ctx);
    let next = 0;
    if (request.affectedServices) {
      const services = unique(
        normalized.slice(0, request.affectedServices.length),
      );
      next = request.affectedServices.length;
      if (services.join() !== current.affectedServices.join()) {
        changes.affectedServices = services;
      }
    }
    const before = {
      assignee: current.assignee,
      assignedGroup: current.assignedGroup,
    };
    const after = { ...before };
    if (request.assignee !== undefined) {
      after.assignee =
        request.assignee === null ? undefined : normalized[next++];
    }
    if (request.assignedGroup !== undefined) {
      after.assignedGroup =
        request.assignedGroup === null ? undefined : normalized[next++];
    }
    if (after.assignee !== before.assignee) {
      changes.assignee = after.assignee ?? null;
    }
    if (after.assignedGroup !== before.assignedGroup) {
      changes.assignedGroup = after.assignedGroup ?? null;
    }

    const fieldChange = describeChanges(current, changes);
    if (fieldChange) {
      events.push({ type: 'fields_changed', actor: ctx.actor, ...fieldChange });
    }
    if (changes.assignee !== undefined || changes.assignedGroup !== undefined) {
      const target = [after.assignedGroup, after.assignee]
        .filter(Boolean)
        .join(' / ');
      events.push({
        type: 'assigned',
        actor: ctx.actor,
        message: target ? `Assigned to ${target}` : 'Unassigned',
        before,
        after,
      });
    }

    // Status
    this.applyStatus(current, request, changes, events, ctx.actor, now);

    // SLA clocks follow priority, holds and reopens
    await this.recomputeSla(current, changes, events, ctx.actor, now);

    if (!events.length) {
      return current;
    }
    const updated = await this.store.updateIncident(
      current.id,
      current.version,
      changes,
      events,
      now,
    );
    await this.events?.publish({
      type: 'incident.updated',
      incident: updated,
      previous: current,
      actor: ctx.actor,
    });
    return updated;
  }

  async addUpdate(
    incident: Incident,
    message: string,
    ctx: ActorContext,
  ): Promise<TimelineEvent> {
    const text = message.trim();
    if (!text) {
      throw new InputError('message must not be empty');
    }
    const update = await this.store.appendEvent(
      incident.id,
      { type: 'update', actor: ctx.actor, message: text },
      ctx.now ?? new Date().toISOString(),
    );
    await this.events?.publish({
      type: 'incident.update-posted',
      incident,
      update,
      actor: ctx.actor,
    });
    return update;
  }

  private applyStatus(
    current: Incident,
    request: Omit<UpdateIncidentRequest, 'version'>,
    changes: IncidentChanges,
    events: NewTimelineEvent[],
    actor: string,
    now: string,
  ) {
    const to = request.status;
    const resolving = to === 'resolved' && current.status !== 'resolved';
    const hasResolution =
      request.resolutionCode !== undefined ||
      request.resolutionNotes !== undefined;
    if (hasResolution && !resolving) {
      throw new InputError(
        'resolutionCode and resolutionNotes are set when resolving: send them with status "resolved"',
      );
    }
    if (to === undefined || to === current.status) {
      return;
    }
    if (!canTransitionIncident(current.status, to)) {
      throw new InputError(
        `status: ${describeIllegalTransition(current.status, to)}`,
      );
    }
    const statusChanges: IncidentChanges = { status: to };
    if (to === 'acknowledged') statusChanges.acknowledgedAt = now;
    if (to === 'resolved') {
      if (!request.resolutionCode) {
        throw new InputError(
          'resolutionCode is required to resolve an incident',
        );
      }
      if (!request.resolutionNotes?.trim()) {
        throw new InputError(
          'resolutionNotes is required to resolve an incident',
        );
      }
      statusChanges.resolvedAt = now;
      statusChanges.resolutionCode = request.resolutionCode;
      statusChanges.resolutionNotes = request.resolutionNotes.trim();
    }
    if (to === 'closed' || to === 'cancelled') statusChanges.closedAt = now;
    if (isReopen(current.status, to)) {
      statusChanges.reopenCount = current.reopenCount + 1;
      statusChanges.resolvedAt = null;
      statusChanges.resolutionCode = null;
      statusChanges.resolutionNotes = null;
    }
    Object.assign(changes, statusChanges);
    const verb = isReopen(current.status, to)
      ? `Reopened (reopen #${current.reopenCount + 1})`
      : `Status ${current.status} → ${to}`;
    const resolution =
      to === 'resolved'
        ? `: ${request.resolutionCode} — ${request.resolutionNotes!.trim()}`
        : '';
    events.push({
      type: 'status_changed',
      actor,
      message: `${verb}${resolution}`,
      before: { status: current.status },
      after: {
        status: to,
        ...(to === 'resolved'
          ? {
              resolutionCode: request.resolutionCode,
              resolutionNotes: request.resolutionNotes!.trim(),
            }
          : {}),
      },
    });
  }

  private async recomputeSla(
    current: Incident,
    changes: IncidentChanges,
    events: NewTimelineEvent[],
    actor: string,
    now: string,
  ) {
    const to = changes.status ?? undefined;
    const priorityChanged = changes.priority !== undefined;
    // Neither priority nor status moves: the clocks stand, unless the
    // incident has none yet (it predates SLAs) and needs them computed.
    if (!priorityChanged && !to && current.sla) {
      return;
    }
    const stored = await this.store.getStoredSla(current.id);
    const pauses = [...(stored?.pauses ?? [])];
    if (to === 'on_hold') {
      pauses.push({ from: now });
    } else if (current.status === 'on_hold' && to) {
      const open = pauses.findIndex(p => !p.to);
      if (open >= 0) pauses[open] = { ...pauses[open], to: now };
    } else if (to && isReopen(current.status, to) && current.resolvedAt) {
      // Time spent resolved before a reopen does not count against the target
      pauses.push({ from: current.resolvedAt, to: now });
    }
    if (!priorityChanged && !to && stored) {
      return;
    }
    const sla = this.sla.compute({
      priority: changes.priority ?? current.priority,
      policy:
        stored?.policy ??
        (await this.tiers.tierOf(current.affectedServices[0])),
      detectedAt: current.detectedAt,
      pauses,
      now,
    });
    changes.sla = sla;
    const moved =
      !stored ||
      stored.response.dueAt !== sla.response.dueAt ||
      stored.resolution.dueAt !== sla.resolution.dueAt;
    const reopened = to !== undefined && isReopen(current.status, to);
    let why: string | undefined;
    if (priorityChanged)
      why = `priority ${current.priority} → ${changes.priority}`;
    else if (current.status === 'on_hold') why = 'resumed after hold';
    else if (reopened) why = 'reopened; time spent resolved does not count';
    else if (!stored) why = `policy ${sla.policy} applied`;
    if (moved && to !== 'on_hold' && why) {
      events.push({
        type: 'sla_recomputed',
        actor,
        message: `SLA due times recomputed (${why}): respond by ${sla.response.dueAt}, resolve by ${sla.resolution.dueAt}`,
        before: stored
          ? {
              responseDueAt: stored.response.dueAt,
              resolutionDueAt: stored.resolution.dueAt,
            }
          : undefined,
        after: {
          responseDueAt: sla.response.dueAt,
          resolutionDueAt: sla.resolution.dueAt,
        },
      });
    }
  }

  private checkCategory(category: string) {
    if (!this.config.categories.includes(category)) {
      throw new InputError(
        `category "${category}" is not one of ${this.config.categories.join(
          ', ',
        )}`,
      );
    }
  }

  /**
   * The owner group of the primary service (unless a group was given) and
   * its current on-call. A failed lookup leaves the incident unassigned
   * rather than refusing the report.
   */
  private async autoAssignment(
    primaryService: string,
    assignedGroup: string | undefined,
    now: string,
  ): Promise<{ group?: string; user?: string }> {
    try {
      if (assignedGroup) {
        return {
          group: assignedGroup,
          user: await this.oncall!.currentOnCallUser(assignedGroup, now),
        };
      }
      return await this.oncall!.routeFor(primaryService, now);
    } catch (error) {
      this.logger?.warn(
        `Could not auto-assign an incident on ${primaryService}: ${
          (error as Error).message
        }`,
      );
      return { group: assignedGroup };
    }
  }

  private async checkRefs(checks: RefCheck[], ctx: ActorContext) {
    return this.refs.validate(checks, ctx.credentials);
  }

  /** The allowed next statuses, for error messages and clients. */
  static nextStatuses(incident: Incident) {
    return allowedIncidentTransitions(incident.status);
  }
}

function userCheck(field: string, ref: string): RefCheck {
  return { field, ref, defaultKind: 'user', kinds: ['user'] };
}

function groupCheck(field: string, ref: string): RefCheck {
  return { field, ref, defaultKind: 'group', kinds: ['group'] };
}

function unique(refs: string[]): string[] {
  return [...new Set(refs)];
}

function parseTime(field: string, value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `${field} must be an ISO 8601 date-time, got "${value}"`,
    );
  }
  return new Date(ms).toISOString();
}
