import fc from 'fast-check';
import {
  allowedReviewTransitions,
  checkReviewTransition,
  isReviewEditable,
  reviewActionLabel,
} from './ReviewLifecycle';
import { REVIEW_STATUSES, ReviewStatus } from './types';

const written = { summary: 'Payments failed', rootCause: 'Pool exhausted' };

describe('review lifecycle', () => {
  it.each`
    from           | to             | sections                             | approvals | refusal
    ${'draft'}     | ${'in_review'} | ${written}                           | ${0}      | ${undefined}
    ${'draft'}     | ${'in_review'} | ${{}}                                | ${0}      | ${/sections.summary, sections.rootCause must be written/}
    ${'draft'}     | ${'in_review'} | ${{ summary: 'x', rootCause: '  ' }} | ${0}      | ${/sections.rootCause must be written/}
    ${'draft'}     | ${'published'} | ${written}                           | ${1}      | ${/allowed from draft: in_review/}
    ${'in_review'} | ${'published'} | ${written}                           | ${0}      | ${/approved/}
    ${'in_review'} | ${'published'} | ${written}                           | ${1}      | ${undefined}
    ${'in_review'} | ${'draft'}     | ${written}                           | ${1}      | ${undefined}
    ${'published'} | ${'draft'}     | ${written}                           | ${1}      | ${undefined}
    ${'published'} | ${'in_review'} | ${written}                           | ${1}      | ${/allowed from published: draft/}
  `(
    '$from → $to with $approvals approvals: $refusal',
    ({ from, to, sections, approvals, refusal }) => {
      expect(
        String(
          checkReviewTransition(from, to, {
            sections,
            approvalCount: approvals,
          }),
        ),
      ).toMatch(refusal ?? /^undefined$/);
    },
  );

  it('keeps a published review read-only', () => {
    expect(isReviewEditable('draft')).toBe(true);
    expect(isReviewEditable('in_review')).toBe(true);
    expect(isReviewEditable('published')).toBe(false);
  });

  it('only reaches published through in_review, whatever the path', () => {
    const status = fc.constantFrom(...REVIEW_STATUSES);
    fc.assert(
      fc.property(fc.array(status, { maxLength: 12 }), path => {
        let at: ReviewStatus = 'draft';
        for (const to of path) {
          const ok = !checkReviewTransition(at, to, {
            sections: written,
            approvalCount: 1,
          });
          // Published only ever follows in_review
          expect(ok && to === 'published' ? at : 'in_review').toBe('in_review');
          if (ok) at = to;
        }
      }),
    );
  });

  it('names each move', () => {
    for (const from of REVIEW_STATUSES) {
      for (const to of allowedReviewTransitions(from)) {
        expect(reviewActionLabel(from, to)).toMatch(/\w/);
      }
    }
    expect(reviewActionLabel('published', 'draft')).toBe('Open a new revision');
  });
});
