import fc from 'fast-check';
import {
  allowedProblemTransitions,
  canTransitionProblem,
  checkProblemTransition,
  isOpenProblemStatus,
  isProblemStatus,
  PROBLEM_STATUSES,
  ProblemStatus,
  requiredProblemFields,
} from './ProblemLifecycle';

/** The lifecycle written out: every legal move, nothing else. */
const ALLOWED: Array<[ProblemStatus, ProblemStatus]> = [
  ['new', 'investigating'],
  ['new', 'closed'],
  ['investigating', 'known_error'],
  ['investigating', 'resolved'],
  ['investigating', 'closed'],
  ['known_error', 'fix_in_progress'],
  ['known_error', 'resolved'],
  ['fix_in_progress', 'known_error'],
  ['fix_in_progress', 'resolved'],
  ['resolved', 'closed'],
  ['resolved', 'investigating'],
];

const STATUSES: ProblemStatus[] = [
  'new',
  'investigating',
  'known_error',
  'fix_in_progress',
  'resolved',
  'closed',
];

const isAllowed = (from: ProblemStatus, to: ProblemStatus) =>
  ALLOWED.some(([f, t]) => f === from && t === to);

const ALL_PAIRS = STATUSES.flatMap(from =>
  STATUSES.map(to => [from, to, isAllowed(from, to)] as const),
);

describe('problem lifecycle', () => {
  it('lists the six statuses in lifecycle order', () => {
    expect(PROBLEM_STATUSES).toEqual(STATUSES);
  });

  it.each`
    status               | open
    ${'new'}             | ${true}
    ${'investigating'}   | ${true}
    ${'known_error'}     | ${true}
    ${'fix_in_progress'} | ${true}
    ${'resolved'}        | ${false}
    ${'closed'}          | ${false}
  `('$status is open: $open', ({ status, open }) => {
    expect(isOpenProblemStatus(status)).toBe(open);
    expect(isProblemStatus(status)).toBe(true);
  });

  it.each([['KNOWN_ERROR'], ['open'], [''], [undefined], [7]])(
    'isProblemStatus(%p) is false',
    value => expect(isProblemStatus(value)).toBe(false),
  );

  it('checks all 36 pairs, 11 of them allowed', () => {
    expect(ALL_PAIRS).toHaveLength(36);
    expect(ALL_PAIRS.filter(([, , ok]) => ok)).toHaveLength(11);
  });

  it.each(ALL_PAIRS)('%s → %s allowed: %p', (from, to, allowed) => {
    expect(canTransitionProblem(from, to)).toBe(allowed);
    expect(allowedProblemTransitions(from).includes(to)).toBe(allowed);
    expect(
      checkProblemTransition(from, to, { rootCause: 'x' }) === undefined,
    ).toBe(allowed);
  });

  it.each(ALL_PAIRS.filter(([, , allowed]) => !allowed))(
    'refusing %s → %s names both',
    (from, to) => {
      expect(checkProblemTransition(from, to, { rootCause: 'x' })).toMatch(
        `Cannot move a problem from ${from} to ${to}`,
      );
    },
  );

  it.each`
    to                   | requires
    ${'new'}             | ${[]}
    ${'investigating'}   | ${[]}
    ${'known_error'}     | ${['rootCause']}
    ${'fix_in_progress'} | ${['rootCause']}
    ${'resolved'}        | ${[]}
    ${'closed'}          | ${[]}
  `('entering $to requires $requires', ({ to, requires }) => {
    expect(requiredProblemFields(to)).toEqual(requires);
  });

  it('names rootCause when it is missing or blank to enter known_error', () => {
    for (const rootCause of [undefined, null, '', '   ']) {
      expect(
        checkProblemTransition('investigating', 'known_error', { rootCause }),
      ).toBe('rootCause is required to move a problem to known_error');
    }
    expect(
      checkProblemTransition('investigating', 'known_error', {
        rootCause: 'Connection pool too small',
      }),
    ).toBeUndefined();
  });

  it('names the allowed moves, or says the status is final', () => {
    expect(checkProblemTransition('new', 'resolved', {})).toBe(
      'Cannot move a problem from new to resolved; allowed from new: investigating, closed',
    );
    expect(checkProblemTransition('closed', 'new', {})).toMatch(
      /closed is final/,
    );
  });

  it('reaches closed from every status by legal moves', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), start => {
        const seen = new Set<ProblemStatus>([start]);
        const queue = [start];
        while (queue.length) {
          for (const next of allowedProblemTransitions(queue.shift()!)) {
            if (!seen.has(next)) {
              seen.add(next);
              queue.push(next);
            }
          }
        }
        expect(seen.has('closed')).toBe(true);
      }),
    );
  });
});
