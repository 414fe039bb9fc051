import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';

/** @public */
export type ProblemStatus = components['schemas']['ProblemStatus'];

/** @public */
export const PROBLEM_STATUSES = enumValues<ProblemStatus>()([
  'new',
  'investigating',
  'known_error',
  'fix_in_progress',
  'resolved',
  'closed',
]);

/**
 * Statuses in which the problem is still being worked; workarounds of such a
 * problem are "open".
 * @public
 */
export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = [
  'new',
  'investigating',
  'known_error',
  'fix_in_progress',
];

/**
 * Fields of a problem that a transition may require.
 * @public
 */
export type ProblemRequiredField = 'rootCause';

interface ProblemStatusRule {
  next: readonly ProblemStatus[];
  /** What must be recorded to enter this status. */
  requires: readonly ProblemRequiredField[];
}

// A fix that does not hold sends the problem back (fix_in_progress →
// known_error, resolved → investigating when it recurs); a problem that
// turns out not to be one can be closed before its root cause is known.
const RULES: Record<ProblemStatus, ProblemStatusRule> = {
  new: { next: ['investigating', 'closed'], requires: [] },
  investigating: {
    next: ['known_error', 'resolved', 'closed'],
    requires: [],
  },
  known_error: {
    next: ['fix_in_progress', 'resolved'],
    requires: ['rootCause'],
  },
  fix_in_progress: {
    next: ['known_error', 'resolved'],
    requires: ['rootCause'],
  },
  resolved: { next: ['closed', 'investigating'], requires: [] },
  closed: { next: [], requires: [] },
};

/** @public */
export function isProblemStatus(value: unknown): value is ProblemStatus {
  return (
    typeof value === 'string' && (PROBLEM_STATUSES as string[]).includes(value)
  );
}

/** @public */
export function isOpenProblemStatus(status: ProblemStatus): boolean {
  return OPEN_PROBLEM_STATUSES.includes(status);
}

/** @public */
export function allowedProblemTransitions(
  from: ProblemStatus,
): readonly ProblemStatus[] {
  return RULES[from].next;
}

/** @public */
export function canTransitionProblem(
  from: ProblemStatus,
  to: ProblemStatus,
): boolean {
  return RULES[from].next.includes(to);
}

/**
 * The fields that must be set (after the change) to enter `to`.
 * @public
 */
export function requiredProblemFields(
  to: ProblemStatus,
): readonly ProblemRequiredField[] {
  return RULES[to].requires;
}

/**
 * Why a transition is refused, or undefined when it is allowed: an illegal
 * move names the allowed ones, a missing field names the field.
 * @public
 */
export function checkProblemTransition(
  from: ProblemStatus,
  to: ProblemStatus,
  after: Partial<Record<ProblemRequiredField, string | undefined | null>>,
): string | undefined {
  if (!canTransitionProblem(from, to)) {
    const allowed = RULES[from].next;
    return allowed.length
      ? `Cannot move a problem from ${from} to ${to}; allowed from ${from}: ${allowed.join(
          ', ',
        )}`
      : `Cannot move a problem from ${from} to ${to}; ${from} is final`;
  }
  const missing = RULES[to].requires.filter(field => !after[field]?.trim());
  if (missing.length) {
    return `${missing.join(', ')} is required to move a problem to ${to}`;
  }
  return undefined;
}

/**
 * What the UI calls each transition.
 * @public
 */
export function problemActionLabel(
  from: ProblemStatus,
  to: ProblemStatus,
): string {
  switch (to) {
    case 'investigating':
      return from === 'resolved' ? 'Reopen (recurred)' : 'Start investigation';
    case 'known_error':
      return from === 'fix_in_progress' ? 'Fix failed' : 'Record known error';
    case 'fix_in_progress':
      return 'Start fix';
    case 'resolved':
      return 'Resolve';
    case 'closed':
      return 'Close';
    default:
      return to;
  }
}

/**
 * A change ref as the changes module writes it (`CHG-1042`).
 * @public
 */
export const CHANGE_REF_PATTERN = /^CHG-\d{1,12}$/;
