import { isReviewRequired, reviewClosingRefusal } from './closingRule';

const incident = (major: boolean, priority: 'P1' | 'P2' | 'P3') => ({
  ref: 'INC-1042',
  major,
  priority,
});

describe('closing rule', () => {
  it.each`
    major    | priority | required        | review         | refused
    ${true}  | ${'P3'}  | ${[]}           | ${undefined}   | ${/INC-1042 is a major incident.*has not been started/}
    ${true}  | ${'P3'}  | ${[]}           | ${'draft'}     | ${/review of INC-1042 is draft/}
    ${true}  | ${'P3'}  | ${[]}           | ${'in_review'} | ${/is in review/}
    ${true}  | ${'P3'}  | ${[]}           | ${'published'} | ${undefined}
    ${false} | ${'P1'}  | ${[]}           | ${undefined}   | ${undefined}
    ${false} | ${'P1'}  | ${['P1']}       | ${undefined}   | ${/a P1 incident/}
    ${false} | ${'P2'}  | ${['P1', 'P2']} | ${'draft'}     | ${/a P2 incident/}
    ${false} | ${'P3'}  | ${['P1', 'P2']} | ${undefined}   | ${undefined}
  `(
    'major=$major $priority (required $required), review $review',
    ({ major, priority, required, review, refused }) => {
      const refusal = reviewClosingRefusal(
        incident(major, priority),
        review ? { status: review } : undefined,
        { requiredForPriorities: required },
      );
      expect(String(refusal)).toMatch(refused ?? /^undefined$/);
    },
  );

  it('names the review to write in the refusal', () => {
    expect(
      reviewClosingRefusal(incident(true, 'P1'), undefined, {
        requiredForPriorities: [],
      }),
    ).toContain('/incidents/INC-1042/review');
  });

  it('requires a review of every major incident whatever the priorities', () => {
    expect(
      isReviewRequired(
        { major: true, priority: 'P5' },
        { requiredForPriorities: [] },
      ),
    ).toBe(true);
  });
});
