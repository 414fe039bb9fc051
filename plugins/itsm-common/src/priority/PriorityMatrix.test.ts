import fc from 'fast-check';
import {
  DEFAULT_PRIORITY_MATRIX,
  LEVELS,
  Level,
  PRIORITIES,
  Priority,
  derivePriority,
  isLevel,
  isPriority,
  parsePriorityMatrix,
} from './PriorityMatrix';

/** Higher index = more severe level; lower index = more urgent priority. */
const levelRank = (level: Level) => 2 - LEVELS.indexOf(level); // low 0 … high 2
const priorityRank = (priority: Priority) => PRIORITIES.indexOf(priority); // P1 0 … P5 4

describe('derivePriority with the default ITIL matrix', () => {
  it.each`
    impact      | urgency     | priority
    ${'high'}   | ${'high'}   | ${'P1'}
    ${'high'}   | ${'medium'} | ${'P2'}
    ${'high'}   | ${'low'}    | ${'P3'}
    ${'medium'} | ${'high'}   | ${'P2'}
    ${'medium'} | ${'medium'} | ${'P3'}
    ${'medium'} | ${'low'}    | ${'P4'}
    ${'low'}    | ${'high'}   | ${'P3'}
    ${'low'}    | ${'medium'} | ${'P4'}
    ${'low'}    | ${'low'}    | ${'P5'}
  `(
    '$impact impact × $urgency urgency → $priority',
    ({ impact, urgency, priority }) => {
      expect(derivePriority(impact, urgency)).toBe(priority);
      expect(derivePriority(impact, urgency, DEFAULT_PRIORITY_MATRIX)).toBe(
        priority,
      );
    },
  );

  it('uses the matrix it is given', () => {
    const matrix = parsePriorityMatrix({ low: { low: 'P4' } });
    expect(derivePriority('low', 'low', matrix)).toBe('P4');
    expect(derivePriority('low', 'low')).toBe('P5');
  });
});

describe('isLevel / isPriority', () => {
  it.each([
    ['high', true],
    ['medium', true],
    ['low', true],
    ['HIGH', false],
    ['critical', false],
    ['', false],
    [undefined, false],
    [1, false],
  ])('isLevel(%p) is %p', (value, expected) => {
    expect(isLevel(value)).toBe(expected);
  });

  it.each([
    ['P1', true],
    ['P5', true],
    ['P0', false],
    ['P6', false],
    ['p1', false],
    [1, false],
    [null, false],
  ])('isPriority(%p) is %p', (value, expected) => {
    expect(isPriority(value)).toBe(expected);
  });
});

describe('parsePriorityMatrix', () => {
  it.each([undefined, null])('returns the default for %p', input => {
    expect(parsePriorityMatrix(input)).toEqual(DEFAULT_PRIORITY_MATRIX);
  });

  it('returns the default for an empty object', () => {
    expect(parsePriorityMatrix({})).toEqual(DEFAULT_PRIORITY_MATRIX);
  });

  it('merges a partial override cell by cell, keeping the other cells', () => {
    const matrix = parsePriorityMatrix({
      high: { low: 'P2' },
      low: { high: 'P4', medium: 'P5' },
    });
    expect(matrix).toEqual({
      high: { high: 'P1', medium: 'P2', low: 'P2' },
      medium: { high: 'P2', medium: 'P3', low: 'P4' },
      low: { high: 'P4', medium: 'P5', low: 'P5' },
    });
  });

  it('does not modify the default matrix', () => {
    parsePriorityMatrix({ medium: { medium: 'P1' } });
    expect(DEFAULT_PRIORITY_MATRIX.medium.medium).toBe('P3');
  });

  it.each`
    case                     | input                           | message
    ${'unknown impact'}      | ${{ critical: { high: 'P1' } }} | ${'itsm.priorityMatrix.critical is not an impact; use high, medium or low'}
    ${'unknown urgency'}     | ${{ high: { asap: 'P1' } }}     | ${'itsm.priorityMatrix.high.asap is not an urgency; use high, medium or low'}
    ${'bad priority'}        | ${{ medium: { low: 'P7' } }}    | ${'itsm.priorityMatrix.medium.low must be one of P1, P2, P3, P4, P5, got "P7"'}
    ${'lower-case priority'} | ${{ low: { low: 'p5' } }}       | ${'itsm.priorityMatrix.low.low must be one of P1, P2, P3, P4, P5, got "p5"'}
    ${'numeric priority'}    | ${{ low: { low: 5 } }}          | ${'itsm.priorityMatrix.low.low must be one of P1, P2, P3, P4, P5, got 5'}
    ${'row not an object'}   | ${{ high: 'P1' }}               | ${'itsm.priorityMatrix.high must be an object keyed by urgency'}
    ${'row is an array'}     | ${{ high: ['P1'] }}             | ${'itsm.priorityMatrix.high must be an object keyed by urgency'}
    ${'matrix is a string'}  | ${'P1'}                         | ${'itsm.priorityMatrix must be an object keyed by impact'}
    ${'matrix is an array'}  | ${[]}                           | ${'itsm.priorityMatrix must be an object keyed by impact'}
  `('throws naming the key for $case', ({ input, message }) => {
    expect(() => parsePriorityMatrix(input)).toThrow(message);
  });

  it('names the key under a custom prefix', () => {
    expect(() =>
      parsePriorityMatrix({ high: { soon: 'P1' } }, 'custom.matrix'),
    ).toThrow('custom.matrix.high.soon is not an urgency');
  });
});

describe('priority matrix properties', () => {
  const level = fc.constantFrom<Level>(...LEVELS);
  const priority = fc.constantFrom<Priority>(...PRIORITIES);

  it('raising impact or urgency never lowers the priority (default matrix)', () => {
    fc.assert(
      fc.property(level, level, level, level, (i1, u1, i2, u2) => {
        fc.pre(
          levelRank(i2) >= levelRank(i1) && levelRank(u2) >= levelRank(u1),
        );
        // A more severe cell has a priority at least as urgent (P1 < P5).
        expect(priorityRank(derivePriority(i2, u2))).toBeLessThanOrEqual(
          priorityRank(derivePriority(i1, u1)),
        );
      }),
    );
  });

  it('the default matrix is symmetric in impact and urgency', () => {
    fc.assert(
      fc.property(level, level, (i, u) => {
        expect(derivePriority(i, u)).toBe(derivePriority(u, i));
      }),
    );
  });

  it('any matrix parsed from a valid partial override is total and keeps the override', () => {
    const row = fc.record(
      { high: priority, medium: priority, low: priority },
      { requiredKeys: [] },
    );
    const override = fc.record(
      { high: row, medium: row, low: row },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(override, input => {
        const matrix = parsePriorityMatrix(input);
        for (const impact of LEVELS) {
          for (const urgency of LEVELS) {
            const cell = derivePriority(impact, urgency, matrix);
            expect(isPriority(cell)).toBe(true);
            expect(cell).toBe(
              input[impact]?.[urgency] ??
                DEFAULT_PRIORITY_MATRIX[impact][urgency],
            );
          }
          expect(Object.keys(matrix[impact]).sort()).toEqual(
            [...LEVELS].sort(),
          );
        }
        expect(Object.keys(matrix).sort()).toEqual([...LEVELS].sort());
      }),
    );
  });

  it('any override with an unknown key or bad value is refused', () => {
    const badKey = fc
      .string({ minLength: 1 })
      .filter(k => !isLevel(k) && k !== '__proto__');
    fc.assert(
      fc.property(
        badKey,
        level,
        fc.boolean(),
        priority,
        (key, good, atImpact, p) => {
          const input = atImpact
            ? { [key]: { [good]: p } }
            : { [good]: { [key]: p } };
          expect(() => parsePriorityMatrix(input)).toThrow(
            atImpact ? `itsm.priorityMatrix.${key} ` : `.${good}.${key} `,
          );
        },
      ),
    );
  });
});
