import { Priority } from '../priority/PriorityMatrix';
import { ReviewStatus } from './types';

/**
 * Which incidents need a published review before they close: every major
 * incident, and those of the configured priorities.
 * @public
 */
export interface ReviewRequirement {
  requiredForPriorities: readonly Priority[];
}

/** @public */
export function isReviewRequired(
  incident: { major: boolean; priority: Priority },
  requirement: ReviewRequirement,
): boolean {
  return (
    incident.major ||
    requirement.requiredForPriorities.includes(incident.priority)
  );
}

/**
 * Why the incident may not close yet, naming its review, or undefined when
 * it may.
 * @public
 */
export function reviewClosingRefusal(
  incident: { ref: string; major: boolean; priority: Priority },
  review: { status: ReviewStatus } | undefined,
  requirement: ReviewRequirement,
): string | undefined {
  if (!isReviewRequired(incident, requirement)) return undefined;
  if (review?.status === 'published') return undefined;
  const why = incident.major
    ? 'a major incident'
    : `a ${incident.priority} incident`;
  const state = review
    ? `its post-incident review of ${incident.ref} is ${review.status.replace(
        '_',
        ' ',
      )}`
    : `its post-incident review of ${incident.ref} has not been started`;
  return `status: ${incident.ref} is ${why} and closes once its post-incident review is published; ${state} (write it at /incidents/${incident.ref}/review)`;
}
