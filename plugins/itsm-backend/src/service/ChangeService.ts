import { describeFieldChanges } from './describeChanges';
import { checkVersion } from './checkVersion';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import {
  afterApprovalDecision,
  approvalStatus,
  Change,
  ChangeApprovalRequest,
  ChangeConfig,
  ChangeConflict,
  ChangeConflictQuery,
  ChangeDetails,
  checkApproval,
  checkChangeTransition,
  checkPlannedWindow,
  CreateChangeRequest,
  editableChangeFields,
  findChangeConflicts,
  Incident,
  requiredApprovers,
  UpdateChangeRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  ChangeStore,
  ChangeUpdate,
  NewChangeEvent,
} from '../database/ChangeStore';
import { IncidentStore } from '../database/IncidentStore';
import { ApproverDirectory } from './ApproverDirectory';
import { EntityRefValidator, RefCheck } from './EntityRefValidator';
import { ActorContext } from './IncidentService';

const PROBLEM_REF = /^PRB-\d+$/i;

/** Fields compared and described on the audit trail when edited. */
type EditableField = Exclude<
  keyof UpdateChangeRequest & keyof Change,
  'version' | 'status' | 'freezeOverrideReason'
>;

const EDITABLE: EditableField[] = [
  'title',
  'description',
  'type',
  'risk',
  'affectedServices',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
  'problemRef',
  'outcome',
  'outcomeNotes',
];

const TIME_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'];

/** What ChangeService is built from. */
export interface ChangeServiceOptions {
  store: ChangeStore;
  incidents: Pick<IncidentStore, 'getIncident'>;
  refs: EntityRefValidator;
  config: ChangeConfig;
  directory: Pick<ApproverDirectory, 'groupsOf'>;
  /** Whether a problem exists, to refuse linking one that does not. */
  problemExists?: (ref: string) => Promise<boolean>;
}

/**
 * The change rules: the lifecycle per type, approvals from the configured
 * groups, conflicts and freezes, and the incidents a change caused.
 */
export class ChangeService {
  private readonly store: ChangeStore;
  private readonly incidents: Pick<IncidentStore, 'getIncident'>;
  private readonly refs: EntityRefValidator;
  private readonly config: ChangeConfig;
  private readonly directory: Pick<ApproverDirectory, 'groupsOf'>;
  private readonly problemExists:
    | ((ref: string) => Promise<boolean>)
    | undefined;

  constructor(options: ChangeServiceOptions) {
    this.store = options.store;
    this.incidents = options.incidents;
    this.refs = options.refs;
    this.config = options.config;
    this.directory = options.directory;
    this.problemExists = options.problemExists;
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
    const services = await this.checkServices(request.affectedServices, ctx);
    const plannedStart = toIso('plannedStart', request.plannedStart);
    const plannedEnd = toIso('plannedEnd', request.plannedEnd);
    const windowProblem = checkPlannedWindow(plannedStart, plannedEnd);
    if (windowProblem) throw new InputError(windowProblem);
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
        problemRef: await this.existingProblem(
          checkProblemRef(request.problemRef),
        ),
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
    );
    return change;
  }

  async get(idOrRef: string): Promise<Change> {
    const change = await this.store.getChange(idOrRef);
    if (!change) throw new NotFoundError(`No change ${idOrRef}`);
    return change;
  }

  async details(change: Change): Promise<ChangeDetails> {
    const [approvals, conflicts, causedIncidents] = await Promise.all([
      this.store.listApprovals(change.id),
      this.conflictsOf(change),
      this.store.listCausedIncidents(change.id),
    ]);
    return {
      ...change,
      approvals,
      ...this.approvalOf(change, approvals),
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
    return this.conflictsOf({
      id,
      affectedServices: query.services,
      plannedStart: query.start,
      plannedEnd: query.end,
    });
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
    const changes = await this.fieldChanges(current, request, ctx);
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
    const described = describe(current, changes);
    if (described)
      events.push({ type: 'fields_changed', actor: ctx.actor, ...described });

    if (to) {
      const approvals = await this.currentApprovals(current);
      if (to === 'implement' && !merged.actualStart)
        changes.actualStart = merged.actualStart = now;
      if (to === 'review' && !merged.actualEnd)
        changes.actualEnd = merged.actualEnd = now;
      const refusal = checkChangeTransition({
        type: merged.type,
        from: current.status,
        to,
        approval: this.approvalOf(merged, approvals).approval,
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
      const override = await this.freezeOverride(
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
    return this.store.updateChange(
      current.id,
      current.version,
      changes,
      events,
      now,
    );
  }

  /**
   * Records an approval or a rejection. A rejection in authorize sends the
   * change back to assess with the reason; after implementation (emergency
   * changes) it opens a new round. Once the required approvals are in, the
   * change leaves authorize for scheduled, unless that falls in a freeze.
   */
  async decide(
    current: Change,
    request: ChangeApprovalRequest,
    ctx: ActorContext,
  ): Promise<ChangeDetails> {
    const now = ctx.now ?? new Date().toISOString();
    const approvals = await this.currentApprovals(current);
    const required = requiredApprovers(
      current.type,
      current.risk,
      this.config.approvers,
    );
    const check = checkApproval({
      type: current.type,
      status: current.status,
      requester: current.requester,
      approver: ctx.actor,
      approverGroups: required.length
        ? await this.directory.groupsOf(ctx.actor)
        : [],
      required,
      approvals,
      decision: request.decision,
      comment: request.comment,
    });
    if (!check.ok) {
      if (check.forbidden) throw new NotAllowedError(check.reason);
      throw new InputError(check.reason);
    }
    const approval = {
      approver: ctx.actor,
      group: check.group,
      decision: request.decision,
      comment: request.comment?.trim() || undefined,
      round: current.approvalRound,
    };
    const changes: ChangeUpdate = {};
    const events: NewChangeEvent[] = [
      {
        type: 'approval',
        actor: ctx.actor,
        message: `${request.decision === 'approved' ? 'Approved' : 'Rejected'}${
          check.group ? ` for ${check.group}` : ''
        }${approval.comment ? `: ${approval.comment}` : ''}`,
        after: { decision: request.decision, group: check.group },
      },
    ];
    const inFreeze =
      request.decision === 'approved' &&
      current.status === 'authorize' &&
      (await this.conflictsOf(current)).some(c => c.kind === 'freeze');
    const state = approvalStatus(current.type, required, [
      ...approvals,
      approval,
    ]).state;
    const effect = afterApprovalDecision({
      status: current.status,
      decision: request.decision,
      state,
      inFreeze,
    });
    const next = effect.status;
    if (effect.newRound) changes.approvalRound = current.approvalRound + 1;
    if (state === 'approved' && inFreeze) {
      events.push({
        type: 'fields_changed',
        actor: ctx.actor,
        message:
          'Approved; stays in authorize because the window falls in a freeze: schedule it with an override reason',
      });
    }
    if (next) {
      changes.status = next;
      events.push({
        type: 'status_changed',
        actor: ctx.actor,
        message: `${current.status} → ${next}${
          next === 'assess'
            ? ` (rejected: ${approval.comment})`
            : ' (approvals complete)'
        }`,
        before: { status: current.status },
        after: { status: next },
      });
    }
    const updated = await this.store.updateChange(
      current.id,
      current.version,
      changes,
      events,
      now,
      approval,
    );
    return this.details(updated);
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

  private approvalOf(change: Change, approvals: ChangeDetails['approvals']) {
    const required = requiredApprovers(
      change.type,
      change.risk,
      this.config.approvers,
    );
    const round = approvals.filter(a => a.round === change.approvalRound);
    return {
      requiredApprovers: required,
      approval: approvalStatus(change.type, required, round),
    };
  }

  private async currentApprovals(change: Change) {
    return (await this.store.listApprovals(change.id)).filter(
      a => a.round === change.approvalRound,
    );
  }

  private async conflictsOf(
    change: Pick<Change, 'affectedServices' | 'plannedStart' | 'plannedEnd'> & {
      id?: string;
    },
  ) {
    const window = {
      id: change.id,
      services: change.affectedServices,
      start: change.plannedStart,
      end: change.plannedEnd,
    };
    const others = await this.store.findWindows(window);
    return findChangeConflicts(window, others, this.config.freezes);
  }

  private async freezeOverride(
    change: Change,
    reason: string | undefined,
  ): Promise<{ freezes: string[]; reason: string } | undefined> {
    const freezes = (await this.conflictsOf(change)).flatMap(c =>
      c.kind === 'freeze' ? [c.freeze] : [],
    );
    if (!freezes.length) return undefined;
    if (!reason?.trim()) {
      throw new ConflictError(
        `The window falls in freeze ${freezes.join(
          ', ',
        )}; send freezeOverrideReason to schedule it anyway`,
      );
    }
    return { freezes, reason: reason.trim() };
  }

  private async fieldChanges(
    current: Change,
    request: Omit<UpdateChangeRequest, 'version'>,
    ctx: ActorContext,
  ): Promise<ChangeUpdate> {
    const changes: ChangeUpdate = {};
    for (const field of EDITABLE) {
      let value = request[field];
      if (value === undefined) continue;
      if (field === 'title') {
        value = (value as string).trim();
        if (!value) throw new InputError('title must not be empty');
      }
      if (field === 'affectedServices') {
        value = await this.checkServices(value as string[], ctx);
      }
      if (field === 'problemRef') {
        value =
          value === null
            ? null
            : await this.existingProblem(checkProblemRef(value as string));
      }
      if (TIME_FIELDS.includes(field)) value = toIso(field, value as string);
      const before = current[field];
      const same = Array.isArray(value)
        ? value.join() === (before as string[]).join()
        : (value ?? undefined) === before;
      if (!same) (changes as Record<string, unknown>)[field] = value;
    }
    return changes;
  }

  private async existingProblem(
    ref: string | undefined,
  ): Promise<string | undefined> {
    if (ref && this.problemExists) {
      if (!(await this.problemExists(ref))) {
        throw new InputError(
          `problemRef: there is no problem ${ref}; link the problem this change fixes`,
        );
      }
    }
    return ref;
  }

  private async checkServices(services: string[], ctx: ActorContext) {
    if (!services.length) {
      throw new InputError('affectedServices must name at least one service');
    }
    const checks: RefCheck[] = services.map((ref, i) => ({
      field: `affectedServices[${i}]`,
      ref,
      defaultKind: 'component',
    }));
    const normalized = await this.refs.validate(checks, ctx.credentials);
    return [...new Set(normalized)];
  }
}

function checkProblemRef(ref: string | undefined): string | undefined {
  if (ref === undefined || ref === '') return undefined;
  if (!PROBLEM_REF.test(ref.trim())) {
    throw new InputError(
      `problemRef must be a problem ref such as PRB-1003, got "${ref}"`,
    );
  }
  return ref.trim().toLocaleUpperCase('en-US');
}

function toIso(field: string, value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `${field} must be an ISO 8601 date-time, got "${value}"`,
    );
  }
  return new Date(ms).toISOString();
}

function stripNulls(changes: ChangeUpdate): Partial<Change> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [k, v === null ? undefined : v]),
  ) as Partial<Change>;
}

function describe(current: Change, changes: ChangeUpdate) {
  return describeFieldChanges(current, changes, {
    fields: EDITABLE,
    longFields: [
      'description',
      'implementationPlan',
      'backoutPlan',
      'testPlan',
      'outcomeNotes',
    ],
    missingAsNull: true,
  });
}
