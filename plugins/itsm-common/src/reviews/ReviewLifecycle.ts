import { ReviewSections, ReviewStatus } from './types';

// Back to draft from in_review sends it back to its authors; from published
// it opens the next revision (the published one stays on the record's
// history through its revision number and the incident's timeline).
const NEXT: Record<ReviewStatus, readonly ReviewStatus[]> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: ['draft'],
};

/** The sections a review must have written before it goes to review. @public */
export const REVIEW_REQUIRED_SECTIONS = ['summary', 'rootCause'] as const;

/** @public */
export function allowedReviewTransitions(
  from: ReviewStatus,
): readonly ReviewStatus[] {
  return NEXT[from];
}

/**
 * Whether the sections of a review in this status may be written: a
 * published review is read-only until a new revision is opened.
 * @public
 */
export function isReviewEditable(status: ReviewStatus): boolean {
  return status !== 'published';
}

/**
 * Why a review may not move from `from` to `to`, or undefined when it may:
 * an illegal move names the allowed ones; going to review needs the summary
 * and the root cause; publishing needs at least one approval.
 * @public
 */
export function checkReviewTransition(
  from: ReviewStatus,
  to: ReviewStatus,
  review: { sections: ReviewSections; approvalCount: number },
): string | undefined {
  if (!NEXT[from].includes(to)) {
    return `Cannot move a review from ${from} to ${to}; allowed from ${from}: ${NEXT[
      from
    ].join(', ')}`;
  }
  if (to === 'in_review') {
    const missing = REVIEW_REQUIRED_SECTIONS.filter(
      section => !review.sections[section]?.trim(),
    );
    if (missing.length) {
      return `sections.${missing.join(
        ', sections.',
      )} must be written before the review goes to review`;
    }
  }
  if (to === 'published' && review.approvalCount < 1) {
    return 'A review is published once a reviewer approved it; ask one of its reviewers to approve it first';
  }
  return undefined;
}

/** What the UI calls each move. @public */
export function reviewActionLabel(
  from: ReviewStatus,
  to: ReviewStatus,
): string {
  if (to === 'in_review') return 'Submit for review';
  if (to === 'published') return 'Publish';
  return from === 'published' ? 'Open a new revision' : 'Back to draft';
}
