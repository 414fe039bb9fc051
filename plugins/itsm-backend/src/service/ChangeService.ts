import { checkVersion } from './checkVersion';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Change,
  ChangeApprovalRequest,
  ChangeConfig,
  ChangeConflict,
  ChangeConflictQuery,
  ChangeDetails,
  ChangeGateDecision,
  checkChangeTransition,
  checkPlannedWindow,
  CreateChangeRequest,
  editableChangeFields,
  Incident,
  UpdateChangeRequest,
  parseTimestamp,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  ChangeStore,
  NewChangeEvent,
  ProblemEventOfChange,
} from '../database/ChangeStore';
import { ProblemStore } from '../database/ProblemStore';
import { IncidentStore } from '../database/IncidentStore';
import { ApproverDirectory } from './ApproverDirectory';
import { ChangeApprovals } from './ChangeApprovals';
import {
  ChangeFieldChecks,
  checkProblemRef,
  describeEdits,
  stripNulls,
} from './ChangeFieldChecks';
import { ChangeWindows } from './ChangeWindows';
import { ChangeGate } from './ChangeGate';
import { EntityRefValidator } from './EntityRefValidator';
import { ActorContext } from './IncidentService';
import { IncidentVisibility } from '../permissions/IncidentAuthorizer';
import { RecordEvents } from '../events/recordEvents';

/** What ChangeService is built from. */
export interface ChangeServiceOptions {
  store: ChangeStore;
  incidents: Pick<IncidentStore, 'getIncident'>;
  refs: EntityRefValidator;
  config: ChangeConfig;
  directory: Pick<ApproverDirectory, 'groupsOf'>;
  /** The problems a change fixes (its problemRef), whose timelines it writes on. */
  problems: Pick<ProblemStore, 'getProblem'>;
  /** Told of each committed write (the events service). */
  events?: Pick<RecordEvents, 'onChangeEvent'>;
}

/**
 * The change rules: the lifecycle per type, approvals from the configured
 * groups, conflicts and freezes, and the incidents a change caused.
 */
export class ChangeService {
  private readonly store: ChangeStore;
  private readonly incidents: Pick<IncidentStore, 'getIncident'>;
  private readonly config: ChangeConfig;
  private readonly fields: ChangeFieldChecks;
  private readonly windows: ChangeWindows;
  private readonly approvals: ChangeApprovals;
  private readonly events: ChangeServiceOptions['events'];
  private readonly deployGate: ChangeGate;

  constructor(options: ChangeServiceOptions) {
    this.events = options.events;
    this.store = options.store;
    this.incidents = options.incidents;
    this.config = options.config;
    this.fields = new ChangeFieldChecks(options);
    this.windows = new ChangeWindows(options.store, options.config);
    this.approvals = new ChangeApprovals({
      store: options.store,
      config: options.config,
      directory: options.directory,
      windows: this.windows,
    });
    this.deployGate = new ChangeGate({
      store: options.store,
      approvals: this.approvals,
      config: options.config,
    });
  }

  get freezes() {
    return this.config.freezes;
  }

  async create(
    request: CreateChangeRequest,
    ctx: ActorContext,
  ): Promise<Change> {
    const now = ctx.now ?? new Date().toISOString();
    const title = request.title.trim();
    if (!title) throw new InputError('title must not be empty');
    const services = await this.fields.checkServices(
      request.affectedServices,
      ctx,
    );
    const plannedStart = parseTimestamp('plannedStart', request.plannedStart);
    const plannedEnd = parseTimestamp('plannedEnd', request.plannedEnd);
    const windowProblem = checkPlannedWindow(plannedStart, plannedEnd);
    if (windowProblem) throw new InputError(windowProblem);
    const problemRef = await this.fields.existingProblem(
      checkProblemRef(request.problemRef),
    );
    const problemId = problemRef
      ? await this.fields.problemId(problemRef)
      : undefined;
    const change = await this.store.createChange(
      {
        title,
        description: request.description ?? '',
        type: request.type,
        risk: request.risk,
        status: 'new',
        affectedServices: services,
        requester: ctx.actor,
        plannedStart,
        plannedEnd,
        implementationPlan: request.implementationPlan ?? '',
        backoutPlan: request.backoutPlan ?? '',
        testPlan: request.testPlan ?? '',
        problemRef,
        approvalRound: 0,
      },
      {
        type: 'created',
        actor: ctx.actor,
        message: `Requested a ${request.type} change (${
          request.risk
        } risk) on ${services.join(', ')}`,
        after: {
          status: 'new',
          type: request.type,
          risk: request.risk,
          affectedServices: services,
        },
      },
      now,
      problemId
        ? created => [
            {
              problemId,
              event: {
                type: 'changes_linked',
                actor: ctx.actor,
                message: `Change ${created.ref} requested to fix it: ${title}`,
                after: { changes: [created.ref] },
              },
            },
          ]
        : undefined,
    );
    await this.events?.onChangeEvent({
      type: 'created',
      change,
      actor: ctx.actor,
    });
    return change;
  }

  async get(idOrRef: string): Promise<Change> {
    const change = await this.store.getChange(idOrRef);
    if (!change) throw new NotFoundError(`No change ${idOrRef}`);
    return change;
  }

  /** The change with its approvals, conflicts and the incidents it caused that the caller may read. */
  async details(
    change: Change,
    visible: IncidentVisibility,
  ): Promise<ChangeDetails> {
    const [approvals, conflicts, causedIncidents] = await Promise.all([
      this.store.listApprovals(change.id),
      this.windows.conflictsOf(change),
      visible.result === 'none'
        ? []
        : this.store.listCausedIncidents(
            change.id,
            visible.result === 'filtered' ? visible.filter : undefined,
          ),
    ]);
    return {
      ...change,
      approvals,
      ...this.approvals.approvalOf(change, approvals),
      conflicts,
      causedIncidents,
    };
  }

  async conflicts(query: ChangeConflictQuery): Promise<ChangeConflict[]> {
    const problem = checkPlannedWindow(query.start, query.end, [
      'start',
      'end',
    ]);
    if (problem) throw new InputError(problem);
    let id: string | undefined;
    if (query.exclude) id = (await this.get(query.exclude)).id;
    return this.windows.conflictsOf({
      id,
      affectedServices: query.services,
      plannedStart: query.start,
      plannedEnd: query.end,
    });
  }

  /** May a deployment of `entityRef` proceed at `at`, and why (see ChangeGate). */
  async gate(entityRef: string, at: string): Promise<ChangeGateDecision> {
    return this.deployGate.decide(entityRef, at);
  }

  async update(
    current: Change,
    request: Omit<UpdateChangeRequest, 'version'> & { version?: number },
    ctx: ActorContext,
  ): Promise<Change> {
    const now = ctx.now ?? new Date().toISOString();
    checkVersion(current, request.version, 'Change');
    const to =
      request.status && request.status !== current.status
        ? request.status
        : undefined;
    const changes = await this.fields.fieldChanges(current, request, ctx);
    // Outcome and actual times may be given with the move that needs them
    const editableIn = new Set([
      ...editableChangeFields(current.status),
      ...(to ? editableChangeFields(to) : []),
    ]);
    for (const field of Object.keys(changes)) {
      if (!editableIn.has(field)) {
        throw new InputError(
          `${field} cannot be changed while the change is ${current.status}`,
        );
      }
    }
    const merged = { ...current, ...stripNulls(changes) } as Change;
    const windowProblem = checkPlannedWindow(
      merged.plannedStart,
      merged.plannedEnd,
    );
    if (windowProblem) throw new InputError(windowProblem);

    const events: NewChangeEvent[] = [];
    const described = describeEdits(current, changes);
    if (described)
      events.push({ type: 'fields_changed', actor: ctx.actor, ...described });

    if (to) {
      const approvals = await this.approvals.currentApprovals(current);
      if (to === 'implement' && !merged.actualStart)
        changes.actualStart = merged.actualStart = now;
      if (to === 'review' && !merged.actualEnd)
        changes.actualEnd = merged.actualEnd = now;
      const refusal = checkChangeTransition({
        type: merged.type,
        from: current.status,
        to,
        approval: this.approvals.approvalOf(merged, approvals).approval,
        outcome: merged.outcome,
        actualStart: merged.actualStart,
        actualEnd: merged.actualEnd,
      });
      if (refusal) throw new InputError(refusal);
      changes.status = to;
      if (to === 'authorize') changes.approvalRound = current.approvalRound + 1;
      if (to === 'closed') changes.closedAt = now;
      events.push({
        type: 'status_changed',
        actor: ctx.actor,
        message: `${current.status} → ${to}${
          to === 'closed' ? ` (${merged.outcome})` : ''
        }`,
        before: { status: current.status },
        after: { status: to },
      });
    }

    // Scheduling (or moving a scheduled window) into a freeze needs a reason
    const status = to ?? current.status;
    const windowMoved =
      'plannedStart' in changes ||
      'plannedEnd' in changes ||
      'affectedServices' in changes;
    if (status === 'scheduled' && (to === 'scheduled' || windowMoved)) {
      const override = await this.windows.freezeOverride(
        merged,
        request.freezeOverrideReason,
      );
      if (override) {
        changes.freezeOverrideReason = override.reason;
        events.push({
          type: 'fields_changed',
          actor: ctx.actor,
          message: `Scheduled into freeze ${override.freezes.join(', ')}: ${
            override.reason
          }`,
          after: { freezeOverrideReason: override.reason },
        });
      }
    }
    if (!events.length) return current;
    return this.updated(
      current,
      await this.store.updateChange(
        current.id,
        current.version,
        changes,
        events,
        now,
        { problemEvents: await this.problemEvents(current, merged, to, ctx) },
      ),
      ctx,
    );
  }

  /** Tells of a committed update, then returns the change as it is now. */
  private async updated(
    previous: Change,
    change: Change,
    ctx: ActorContext,
  ): Promise<Change> {
    await this.events?.onChangeEvent({
      type: 'updated',
      change,
      previous,
      actor: ctx.actor,
    });
    return change;
  }

  /**
   * What the problems' timelines say of this write: the link moved, or the
   * change it names closed, was cancelled or got an outcome (a failed or
   * rolled-back fix is told, never silent).
   */
  private async problemEvents(
    current: Change,
    merged: Change,
    to: string | undefined,
    ctx: ActorContext,
  ): Promise<ProblemEventOfChange[]> {
    const result: ProblemEventOfChange[] = [];
    const add = async (
      problemRef: string,
      event: ProblemEventOfChange['event'],
    ) =>
      result.push({
        problemId: await this.fields.problemId(problemRef),
        event,
      });
    if (current.problemRef !== merged.problemRef) {
      if (current.problemRef) {
        await add(current.problemRef, {
          type: 'changes_unlinked',
          actor: ctx.actor,
          message: `Change ${current.ref} no longer names this problem${
            merged.problemRef ? ` (it now fixes ${merged.problemRef})` : ''
          }`,
          before: { changes: [current.ref] },
        });
      }
      if (merged.problemRef) {
        await add(merged.problemRef, {
          type: 'changes_linked',
          actor: ctx.actor,
          message: `Change ${current.ref} linked to fix it: ${merged.title}`,
          after: { changes: [current.ref] },
        });
      }
    }
    const outcomeChanged = merged.outcome !== current.outcome;
    const ended = to === 'closed' || to === 'cancelled';
    if (merged.problemRef && (ended || outcomeChanged)) {
      await add(merged.problemRef, {
        type: 'change_outcome',
        actor: ctx.actor,
        message: describeFixOutcome(merged, to),
        before: { status: current.status, outcome: current.outcome ?? null },
        after: {
          change: current.ref,
          status: to ?? current.status,
          outcome: merged.outcome ?? null,
        },
      });
    }
    return result;
  }

  /** Records an approval or a rejection (see ChangeApprovals.decide). */
  async decide(
    current: Change,
    request: ChangeApprovalRequest,
    ctx: ActorContext,
    visible: IncidentVisibility,
  ): Promise<ChangeDetails> {
    const decided = await this.approvals.decide(current, request, ctx);
    return this.details(await this.updated(current, decided, ctx), visible);
  }

  /** Sets (or clears, with `change: null`) the change that caused an incident. */
  async setIncidentCause(
    incident: Incident,
    change: Change | null,
    ctx: ActorContext,
  ): Promise<void> {
    const now = ctx.now ?? new Date().toISOString();
    const previousId = incident.causedByChangeId;
    if ((change?.id ?? undefined) === previousId) return;
    if (change && previousId) {
      const previous = await this.store.getChange(previousId);
      throw new ConflictError(
        `${incident.ref} is already linked as caused by ${
          previous?.ref ?? previousId
        }; unlink it first`,
      );
    }
    const target = change ?? (await this.get(previousId!));
    await this.store.setIncidentCause({
      incidentId: incident.id,
      changeId: change?.id ?? null,
      incidentEvent: {
        type: 'fields_changed',
        actor: ctx.actor,
        message: change
          ? `Caused by change ${change.ref}`
          : `No longer linked to change ${target.ref}`,
        before: { causedByChangeId: previousId ?? null },
        after: { causedByChangeId: change?.id ?? null },
      },
      changeEvent: {
        changeId: target.id,
        type: change ? 'incident_linked' : 'incident_unlinked',
        actor: ctx.actor,
        message: change
          ? `Caused incident ${incident.ref}`
          : `Incident ${incident.ref} no longer linked`,
        after: { incident: incident.ref },
      },
      at: now,
    });
  }

  async getIncident(idOrRef: string): Promise<Incident> {
    const incident = await this.incidents.getIncident(idOrRef);
    if (!incident) throw new NotFoundError(`No incident ${idOrRef}`);
    return incident;
  }
}

/** How a problem's timeline reads a fix change's end or outcome. */
function describeFixOutcome(change: Change, to: string | undefined): string {
  if (to === 'cancelled') {
    return `Change ${change.ref} was cancelled; the problem is not fixed by it`;
  }
  const what = to === 'closed' ? 'closed' : 'recorded its outcome';
  switch (change.outcome) {
    case 'successful':
      return `Change ${change.ref} ${what}: successful`;
    case 'failed':
      return `Change ${change.ref} ${what}: failed; the problem is not fixed by it`;
    case 'rolled_back':
      return `Change ${change.ref} ${what}: rolled back; the problem is not fixed by it`;
    default:
      return `Change ${change.ref} ${what} without an outcome`;
  }
}
