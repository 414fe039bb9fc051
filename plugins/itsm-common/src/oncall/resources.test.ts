import fc from 'fast-check';
import {
  dueEscalationLevels,
  EscalationLevel,
  validateEscalationLevels,
} from './resources';

const pageSre = [{ type: 'group' as const, groupRef: 'group:default/sre' }];

describe('validateEscalationLevels', () => {
  it.each<[string, unknown, string[]]>([
    [
      'an empty policy',
      [],
      [
        'levels: name at least one level; a policy that pages nobody escalates nowhere',
      ],
    ],
    [
      'ordered levels of every target type',
      [
        {
          afterMinutes: 0,
          targets: [
            { type: 'schedule', schedule: 'payments', layer: 'primary' },
          ],
        },
        {
          afterMinutes: 15,
          targets: [{ type: 'user', userRef: 'user:default/bob' }],
        },
        { afterMinutes: 15, targets: pageSre },
      ],
      [],
    ],
    [
      'a level before the previous one',
      [
        { afterMinutes: 30, targets: pageSre },
        { afterMinutes: 10, targets: pageSre },
      ],
      [
        "levels[1].afterMinutes: 10 is before the previous level's 30; levels are in escalation order",
      ],
    ],
    [
      'a negative or fractional delay',
      [
        { afterMinutes: -1, targets: pageSre },
        { afterMinutes: 1.5, targets: pageSre },
      ],
      [
        'levels[0].afterMinutes: must be a whole number of minutes between 0 and 10080',
        'levels[1].afterMinutes: must be a whole number of minutes between 0 and 10080',
      ],
    ],
    [
      'a level without targets',
      [{ afterMinutes: 0, targets: [] }],
      ['levels[0].targets: name at least one target'],
    ],
    [
      'targets missing what they name',
      [
        {
          afterMinutes: 0,
          targets: [
            { type: 'schedule', schedule: ' ' },
            { type: 'user' },
            { type: 'group', groupRef: '' },
            { type: 'team' },
          ],
        },
      ],
      [
        'levels[0].targets[0].schedule: must name a schedule',
        'levels[0].targets[1].userRef: must be a user entity ref',
        'levels[0].targets[2].groupRef: must be a group entity ref',
        'levels[0].targets[3].type: must be one of schedule, user, group',
      ],
    ],
    ['not an array', 'soon', ['levels: must be an array']],
  ])('%s', (_name, levels, problems) => {
    expect(validateEscalationLevels(levels as EscalationLevel[])).toEqual(
      problems,
    );
  });
});

describe('dueEscalationLevels', () => {
  const levels: EscalationLevel[] = [0, 15, 30].map(afterMinutes => ({
    afterMinutes,
    targets: pageSre,
  }));

  it.each([
    [0, [0]],
    [14.9, [0]],
    [15, [0, 1]],
    [45, [0, 1, 2]],
  ])('after %p minutes: levels %p', (minutes, due) => {
    expect(dueEscalationLevels(levels, minutes)).toEqual(due);
  });

  it('only ever grows as time passes, for valid policies', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 0, max: 700 }),
        (delays, t1, t2) => {
          const sorted = [...delays].sort((a, b) => a - b);
          const policy = sorted.map(afterMinutes => ({
            afterMinutes,
            targets: pageSre,
          }));
          const early = dueEscalationLevels(policy, Math.min(t1, t2));
          const late = dueEscalationLevels(policy, Math.max(t1, t2));
          expect(late.slice(0, early.length)).toEqual(early);
        },
      ),
    );
  });
});
