import { InputError, NotAllowedError } from '@backstage/errors';
import {
  afterApprovalDecision,
  approvalStatus,
  Change,
  ChangeApproval,
  ChangeApprovalRequest,
  ChangeConfig,
  checkApproval,
  requiredApprovers,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  ChangeStore,
  ChangeUpdate,
  NewChangeEvent,
} from '../database/ChangeStore';
import { ApproverDirectory } from './ApproverDirectory';
import { ChangeWindows } from './ChangeWindows';
import { ActorContext } from './IncidentService';

/** What ChangeApprovals is built from. */
export interface ChangeApprovalsOptions {
  store: Pick<ChangeStore, 'listApprovals' | 'updateChange'>;
  config: Pick<ChangeConfig, 'approvers'>;
  directory: Pick<ApproverDirectory, 'groupsOf'>;
  windows: Pick<ChangeWindows, 'conflictsOf'>;
}

/**
 * A change's approvals: who must approve it, where the current round stands,
 * and the decisions approvers record.
 */
export class ChangeApprovals {
  private readonly store: ChangeApprovalsOptions['store'];
  private readonly config: Pick<ChangeConfig, 'approvers'>;
  private readonly directory: Pick<ApproverDirectory, 'groupsOf'>;
  private readonly windows: Pick<ChangeWindows, 'conflictsOf'>;

  constructor(options: ChangeApprovalsOptions) {
    this.store = options.store;
    this.config = options.config;
    this.directory = options.directory;
    this.windows = options.windows;
  }

  /** The approvers `change` needs and the state of its current round. */
  approvalOf(change: Change, approvals: ChangeApproval[]) {
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

  /** The decisions of the change's current round. */
  async currentApprovals(change: Change) {
    return (await this.store.listApprovals(change.id)).filter(
      a => a.round === change.approvalRound,
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
  ): Promise<Change> {
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
      (await this.windows.conflictsOf(current)).some(c => c.kind === 'freeze');
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
    return this.store.updateChange(
      current.id,
      current.version,
      changes,
      events,
      now,
      { approval },
    );
  }
}
