import { checkVersion } from './checkVersion';
import { LoggerService } from '@backstage/backend-plugin-api';
import { OnCallService } from './OnCallService';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  allowedIncidentTransitions,
  CreateIncidentRequest,
  derivePriority,
  Incident,
  IncidentSource,
  TimelineEvent,
  UpdateIncidentRequest,
  parseTimestamp,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  IncidentChanges,
  IncidentFields,
  IncidentStore,
  NewTimelineEvent,
} from '../database/IncidentStore';
import {
  EntityRefValidator,
  RefCheck,
  serviceCheck,
} from './EntityRefValidator';
import { ItsmConfig } from './ItsmConfig';
import { IncidentEventPublisher } from './IncidentEventPublisher';
import { SlaCalculator } from './SlaCalculator';
import { SlaTierResolver } from './SlaTierResolver';
import { autoAssignment } from './autoAssignment';
import {
  checkCategory,
  groupCheck,
  uniqueRefs,
  userCheck,
} from './incidentFieldChecks';
import { incidentFieldChanges } from './incidentFieldChanges';
import { incidentStatusChange } from './incidentStatusChange';
import { recomputeSlaClocks } from './recomputeSlaClocks';

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
  /**
   * Why an incident may not close yet (its post-incident review), or
   * undefined; asked before every move to closed.
   */
  closingRefusal?: (incident: Incident) => Promise<string | undefined>;
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
  private readonly closingRefusal: IncidentServiceOptions['closingRefusal'];

  constructor(options: IncidentServiceOptions) {
    this.closingRefusal = options.closingRefusal;
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
    request: CreateIncidentRequest & {
      source?: IncidentSource;
      /** Alert ingestion's key: unique per source while the incident holds it. */
      dedupKey?: string;
    },
    ctx: ActorContext,
  ): Promise<Incident> {
    const now = ctx.now ?? new Date().toISOString();
    const title = request.title.trim();
    if (!title) {
      throw new InputError('title must not be empty');
    }
    checkCategory(request.category, this.config.categories);
    if (!request.affectedServices.length) {
      throw new InputError('affectedServices must name at least one service');
    }
    const checks: RefCheck[] = request.affectedServices.map((ref, i) =>
      serviceCheck(`affectedServices[${i}]`, ref),
    );
    if (request.assignee) {
      checks.push(userCheck('assignee', request.assignee));
    }
    if (request.assignedGroup) {
      checks.push(groupCheck('assignedGroup', request.assignedGroup));
    }
    const normalized = await this.checkRefs(checks, ctx);
    const services = uniqueRefs(
      normalized.slice(0, request.affectedServices.length),
    );
    let next = request.affectedServices.length;
    let assignee = request.assignee ? normalized[next++] : undefined;
    let assignedGroup = request.assignedGroup ? normalized[next++] : undefined;
    let autoAssigned = false;
    if (!assignee && this.oncall) {
      const routed = await autoAssignment(
        this.oncall,
        this.logger,
        services[0],
        assignedGroup,
        now,
      );
      autoAssigned = !!(routed.group ?? routed.user);
      assignedGroup ??= routed.group;
      assignee = routed.user;
    }
    const occurredAt = request.occurredAt
      ? parseTimestamp('occurredAt', request.occurredAt)
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
      dedupKey: request.dedupKey,
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

    const { changes, events } = await incidentFieldChanges(
      current,
      request,
      {
        priorityMatrix: this.config.priorityMatrix,
        categories: this.config.categories,
        validateRefs: checks => this.checkRefs(checks, ctx),
      },
      ctx.actor,
    );

    const status = incidentStatusChange(current, request, ctx.actor, now);
    if (status?.changes.status === 'closed' && this.closingRefusal) {
      const refusal = await this.closingRefusal(current);
      if (refusal) throw new ConflictError(refusal);
    }
    if (status) {
      Object.assign(changes, status.changes);
      events.push(status.event);
    }

    // SLA clocks follow priority, holds and reopens
    const clocks = await recomputeSlaClocks(
      { store: this.store, sla: this.sla, tiers: this.tiers },
      current,
      changes,
      ctx.actor,
      now,
    );
    if (clocks.sla) changes.sla = clocks.sla;
    if (clocks.event) events.push(clocks.event);

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

  /**
   * Resolves an incident nobody has acknowledged because the monitoring
   * that opened it reports recovery (`new → resolved`, which people cannot
   * do: they acknowledge first). Stale versions are a ConflictError.
   */
  async resolveFromSource(
    current: Incident,
    notes: string,
    ctx: ActorContext,
  ): Promise<Incident> {
    if (current.status !== 'new') {
      throw new InputError(
        `status: only a new incident is resolved by its source, ${current.ref} is ${current.status}`,
      );
    }
    const now = ctx.now ?? new Date().toISOString();
    const changes: IncidentChanges = {
      status: 'resolved',
      resolvedAt: now,
      resolutionCode: 'fixed',
      resolutionNotes: notes,
    };
    const events: NewTimelineEvent[] = [
      {
        type: 'status_changed',
        actor: ctx.actor,
        message: `Status new → resolved by its source: fixed — ${notes}`,
        before: { status: 'new' },
        after: {
          status: 'resolved',
          resolutionCode: 'fixed',
          resolutionNotes: notes,
        },
      },
    ];
    const clocks = await recomputeSlaClocks(
      { store: this.store, sla: this.sla, tiers: this.tiers },
      current,
      changes,
      ctx.actor,
      now,
    );
    if (clocks.sla) changes.sla = clocks.sla;
    if (clocks.event) events.push(clocks.event);
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

  private async checkRefs(checks: RefCheck[], ctx: ActorContext) {
    return this.refs.validate(checks, ctx.credentials);
  }

  /** The allowed next statuses, for error messages and clients. */
  static nextStatuses(incident: Incident) {
    return allowedIncidentTransitions(incident.status);
  }
}
