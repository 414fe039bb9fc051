import {
  CHANGE_OUTCOMES,
  CHANGE_RISKS,
  CHANGE_STATUSES,
  CHANGE_TYPES,
  ChangeApprovalStatus,
  ChangeOutcome,
  ChangeRisk,
  ChangeStatus,
  ChangeType,
} from './types';

/**
 * The lifecycle per change type. Standard changes are pre-approved and skip
 * authorize; normal changes must pass authorize; emergency changes may go
 * from assess straight to implement (their approval then comes in review).
 */
const TRANSITIONS: Record<
  ChangeType,
  Record<ChangeStatus, readonly ChangeStatus[]>
> = {
  standard: {
    new: ['assess', 'cancelled'],
    assess: ['scheduled', 'cancelled'],
    authorize: [],
    scheduled: ['implement', 'assess', 'cancelled'],
    implement: ['review'],
    review: ['closed'],
    closed: [],
    cancelled: [],
  },
  normal: {
    new: ['assess', 'cancelled'],
    assess: ['authorize', 'cancelled'],
    authorize: ['scheduled', 'assess', 'cancelled'],
    scheduled: ['implement', 'assess', 'cancelled'],
    implement: ['review'],
    review: ['closed'],
    closed: [],
    cancelled: [],
  },
  emergency: {
    new: ['assess', 'cancelled'],
    assess: ['authorize', 'implement', 'cancelled'],
    authorize: ['scheduled', 'implement', 'assess', 'cancelled'],
    scheduled: ['implement', 'assess', 'cancelled'],
    implement: ['review'],
    review: ['closed'],
    closed: [],
    cancelled: [],
  },
};

const OPEN: readonly ChangeStatus[] = [
  'new',
  'assess',
  'authorize',
  'scheduled',
  'implement',
  'review',
];

/** @public */
export function isChangeStatus(value: unknown): value is ChangeStatus {
  return (
    typeof value === 'string' && (CHANGE_STATUSES as string[]).includes(value)
  );
}

/** @public */
export function isChangeType(value: unknown): value is ChangeType {
  return (
    typeof value === 'string' && (CHANGE_TYPES as string[]).includes(value)
  );
}

/** @public */
export function isChangeRisk(value: unknown): value is ChangeRisk {
  return (
    typeof value === 'string' && (CHANGE_RISKS as string[]).includes(value)
  );
}

/** @public */
export function isChangeOutcome(value: unknown): value is ChangeOutcome {
  return (
    typeof value === 'string' && (CHANGE_OUTCOMES as string[]).includes(value)
  );
}

/** Neither closed nor cancelled. @public */
export function isOpenChangeStatus(status: ChangeStatus): boolean {
  return OPEN.includes(status);
}

/**
 * The statuses a change of `type` may move to from `from` (before guards).
 * @public
 */
export function allowedChangeTransitions(
  type: ChangeType,
  from: ChangeStatus,
): readonly ChangeStatus[] {
  return TRANSITIONS[type][from];
}

/**
 * What a transition needs beyond the lifecycle table: the approvals, a
 * planned window to schedule, and an outcome with actual times to close.
 * @public
 */
export interface ChangeTransitionInput {
  type: ChangeType;
  from: ChangeStatus;
  to: ChangeStatus;
  approval: ChangeApprovalStatus;
  outcome?: ChangeOutcome;
  actualStart?: string;
  actualEnd?: string;
}

/**
 * Checks a transition; `undefined` when allowed, else the reason (naming
 * the allowed statuses or what is missing).
 * @public
 */
export function checkChangeTransition(
  input: ChangeTransitionInput,
): string | undefined {
  const { type, from, to, approval } = input;
  const allowed = TRANSITIONS[type][from];
  if (!allowed.includes(to)) {
    return allowed.length
      ? `Cannot move a ${type} change from ${from} to ${to}; allowed from ${from}: ${allowed.join(
          ', ',
        )}`
      : `Cannot move a ${type} change from ${from} to ${to}; ${from} is final`;
  }
  if (from === 'authorize' && to === 'scheduled') {
    if (approval.state !== 'approved') {
      return `Cannot schedule before the change is approved; still waiting for ${describeMissing(
        approval,
      )}`;
    }
  }
  if (to === 'closed') {
    if (!input.outcome) {
      return 'outcome is required to close a change (successful, failed or rolled_back)';
    }
    if (!input.actualStart || !input.actualEnd) {
      return 'actualStart and actualEnd are required to close a change';
    }
    if (type !== 'standard' && approval.state !== 'approved') {
      return `Cannot close a ${type} change that is not approved; still waiting for ${describeMissing(
        approval,
      )}`;
    }
  }
  return undefined;
}

function describeMissing(approval: ChangeApprovalStatus): string {
  if (approval.state === 'rejected') return 'a new round of approvals';
  return approval.missingGroups.length
    ? `an approval from ${approval.missingGroups.join(', ')}`
    : 'an approval';
}

/**
 * Which fields may be edited in a status. The scope (services, type, risk)
 * is fixed once authorization starts; the window and plans until work
 * starts; actual times and the outcome while implementing and in review.
 * @public
 */
export function editableChangeFields(status: ChangeStatus): readonly string[] {
  const scope = ['title', 'description', 'type', 'risk', 'affectedServices'];
  const plans = [
    'plannedStart',
    'plannedEnd',
    'implementationPlan',
    'backoutPlan',
    'testPlan',
  ];
  switch (status) {
    case 'new':
    case 'assess':
      return [...scope, ...plans, 'problemRef'];
    case 'authorize':
      return ['description', 'problemRef'];
    case 'scheduled':
      return ['description', ...plans, 'problemRef'];
    case 'implement':
    case 'review':
      return [
        'description',
        'actualStart',
        'actualEnd',
        'outcome',
        'outcomeNotes',
        'problemRef',
      ];
    default:
      return ['problemRef'];
  }
}

/**
 * What the UI calls each transition.
 * @public
 */
export function changeActionLabel(
  from: ChangeStatus,
  to: ChangeStatus,
): string {
  switch (to) {
    case 'assess':
      return from === 'new' ? 'Start assessment' : 'Back to assessment';
    case 'authorize':
      return 'Request approval';
    case 'scheduled':
      return 'Schedule';
    case 'implement':
      return 'Start implementation';
    case 'review':
      return 'Finish implementation';
    case 'closed':
      return 'Close';
    case 'cancelled':
      return 'Cancel change';
    default:
      return to;
  }
}
