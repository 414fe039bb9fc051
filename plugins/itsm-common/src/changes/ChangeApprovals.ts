import {
  ApprovalDecision,
  ApprovalState,
  ChangeApproval,
  ChangeApprovalStatus,
  ChangeRisk,
  ChangeStatus,
  ChangeType,
} from './types';

/**
 * Approver groups per risk, from `itsm.changes.approvers`. A risk with no
 * group needs one approval from anyone holding `itsm.change.approve`.
 * @public
 */
export type ChangeApproversConfig = Partial<Record<ChangeRisk, string[]>>;

/** @public */
export function requiredApprovers(
  type: ChangeType,
  risk: ChangeRisk,
  config: ChangeApproversConfig,
): string[] {
  if (type === 'standard') return [];
  return [...(config[risk] ?? [])];
}

/**
 * The approval state from the decisions of the current round: any
 * rejection rejects; approved once every required group (or, with none,
 * one approver) approved.
 * @public
 */
export function approvalStatus(
  type: ChangeType,
  required: string[],
  approvals: Pick<ChangeApproval, 'decision' | 'group'>[],
): ChangeApprovalStatus {
  if (type === 'standard') {
    return { state: 'not_required', missingGroups: [], missing: 0 };
  }
  const approved = approvals.filter(a => a.decision === 'approved');
  const missingGroups = required.filter(
    group => !approved.some(a => a.group === group),
  );
  const missing = required.length
    ? missingGroups.length
    : Math.max(0, 1 - approved.length);
  if (approvals.some(a => a.decision === 'rejected')) {
    return { state: 'rejected', missingGroups, missing };
  }
  return { state: missing ? 'pending' : 'approved', missingGroups, missing };
}

/** Statuses in which a change of each type takes approvals. */
const APPROVAL_STATUSES: Record<ChangeType, readonly ChangeStatus[]> = {
  standard: [],
  normal: ['authorize'],
  emergency: ['authorize', 'implement', 'review'],
};

/**
 * Whether a change takes approval decisions in its current status.
 * @public
 */
export function changeTakesApprovals(
  type: ChangeType,
  status: ChangeStatus,
): boolean {
  return APPROVAL_STATUSES[type].includes(status);
}

/**
 * What a recorded decision does to the change. A rejection in authorize
 * sends it back to assess (the next request for approval starts a new
 * round); a rejection after implementation (emergency) opens a new round
 * in place. Once the approvals are complete, the change leaves authorize
 * for scheduled, unless its window falls in a freeze: then it waits in
 * authorize to be scheduled with an override reason.
 * @public
 */
export function afterApprovalDecision(input: {
  status: ChangeStatus;
  decision: ApprovalDecision;
  /** The approval state with this decision counted. */
  state: ApprovalState;
  inFreeze: boolean;
}): { status?: ChangeStatus; newRound: boolean } {
  if (input.decision === 'rejected') {
    return input.status === 'authorize'
      ? { status: 'assess', newRound: false }
      : { newRound: true };
  }
  if (
    input.state === 'approved' &&
    input.status === 'authorize' &&
    !input.inFreeze
  ) {
    return { status: 'scheduled', newRound: false };
  }
  return { newRound: false };
}

/** @public */
export interface ApprovalCheckInput {
  type: ChangeType;
  status: ChangeStatus;
  requester: string;
  approver: string;
  /** Groups the approver is a member of (entity refs). */
  approverGroups: string[];
  required: string[];
  /** Decisions of the current round. */
  approvals: Pick<ChangeApproval, 'approver' | 'decision' | 'group'>[];
  decision: ApprovalDecision;
  comment?: string;
}

/**
 * Whether `approver` may decide now: not on their own change, once per
 * round, only as a member of a required group (when groups are required),
 * only while the change takes approvals, and a rejection needs a reason.
 * Returns the group the decision answers for, or the refusal (`forbidden`
 * when it is about who the approver is, not about the change's state).
 * @public
 */
export function checkApproval(
  input: ApprovalCheckInput,
):
  | { ok: true; group?: string }
  | { ok: false; reason: string; forbidden: boolean } {
  if (input.type === 'standard') {
    return {
      ok: false,
      reason: 'Standard changes are pre-approved and take no approvals',
      forbidden: false,
    };
  }
  const statuses = APPROVAL_STATUSES[input.type];
  if (!statuses.includes(input.status)) {
    return {
      ok: false,
      reason: `A ${input.type} change takes approvals only in ${statuses.join(
        ', ',
      )}; it is ${input.status}`,
      forbidden: false,
    };
  }
  if (input.approver === input.requester) {
    return {
      ok: false,
      reason: 'Nobody approves their own change',
      forbidden: true,
    };
  }
  if (input.approvals.some(a => a.approver === input.approver)) {
    return {
      ok: false,
      reason: `${input.approver} already decided in this round of approvals`,
      forbidden: false,
    };
  }
  if (input.decision === 'rejected' && !input.comment?.trim()) {
    return {
      ok: false,
      reason: 'comment is required to reject a change',
      forbidden: false,
    };
  }
  if (!input.required.length) return { ok: true };
  const theirs = input.required.filter(g => input.approverGroups.includes(g));
  if (!theirs.length) {
    return {
      ok: false,
      reason: `Only members of ${input.required.join(
        ', ',
      )} approve this change`,
      forbidden: true,
    };
  }
  const pending = theirs.find(
    g => !input.approvals.some(a => a.decision === 'approved' && a.group === g),
  );
  return { ok: true, group: pending ?? theirs[0] };
}
