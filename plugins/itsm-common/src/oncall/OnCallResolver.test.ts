import fc from 'fast-check';
import { DateTime } from 'luxon';
import { effectiveShifts, whoIsOnCall } from './OnCallResolver';
import { shiftAt } from './Rotation';
import {
  OnCallLayer,
  OnCallNow,
  OnCallOverride,
  OnCallSchedule,
  OnCallShift,
} from './types';

/** alice, bob weekly, Monday 09:00 Paris, from Monday 2026-03-02. */
const PRIMARY: OnCallLayer = {
  name: 'primary',
  users: ['user:alice', 'user:bob'],
  rotation: { type: 'weekly' },
  handoffTime: '09:00',
  startDate: '2026-03-02',
};

/** carol, dave daily 09:00 Paris, from 2026-03-02. */
const SECONDARY: OnCallLayer = {
  name: 'secondary',
  users: ['user:carol', 'user:dave'],
  rotation: { type: 'daily' },
  handoffTime: '09:00',
  startDate: '2026-03-02',
};

/** "I take Friday night": inside bob's week. */
const FRIDAY_NIGHT: OnCallOverride = {
  layer: 'primary',
  user: 'user:erin',
  from: '2026-03-13T18:00:00+01:00',
  to: '2026-03-14T08:00:00+01:00',
  reason: 'swap',
};

/** Sunday evening to Monday noon, across the bob → alice handoff. */
const OVER_HANDOFF: OnCallOverride = {
  layer: 'primary',
  user: 'user:frank',
  from: '2026-03-15T20:00:00+01:00',
  to: '2026-03-16T12:00:00+01:00',
};

function schedule(
  layers: OnCallLayer[],
  overrides: OnCallOverride[] = [],
): OnCallSchedule {
  return { name: 'payments', timezone: 'Europe/Paris', layers, overrides };
}

const TEAM = schedule([PRIMARY, SECONDARY], [FRIDAY_NIGHT, OVER_HANDOFF]);

/** Shifts as compact tuples for readable tables. */
function pieces(s: OnCallSchedule, layer: string, from: string, to: string) {
  return effectiveShifts(s, layer, from, to).map(p => [
    p.user,
    p.from,
    p.to,
    p.source,
  ]);
}

describe('whoIsOnCall', () => {
  it.each`
    case                                         | at                        | user            | source        | until                         | next
    ${'rotation, before an override'}            | ${'2026-03-13T12:00:00Z'} | ${'user:bob'}   | ${'rotation'} | ${'2026-03-13T17:00:00.000Z'} | ${['user:erin', '2026-03-13T17:00:00.000Z']}
    ${'override starts (from is inclusive)'}     | ${'2026-03-13T17:00:00Z'} | ${'user:erin'}  | ${'override'} | ${'2026-03-14T07:00:00.000Z'} | ${['user:bob', '2026-03-14T07:00:00.000Z']}
    ${'Friday night: override wins'}             | ${'2026-03-13T23:00:00Z'} | ${'user:erin'}  | ${'override'} | ${'2026-03-14T07:00:00.000Z'} | ${['user:bob', '2026-03-14T07:00:00.000Z']}
    ${'rotation user resumes (to is exclusive)'} | ${'2026-03-14T07:00:00Z'} | ${'user:bob'}   | ${'rotation'} | ${'2026-03-15T19:00:00.000Z'} | ${['user:frank', '2026-03-15T19:00:00.000Z']}
    ${'override across the handoff, before it'}  | ${'2026-03-15T22:00:00Z'} | ${'user:frank'} | ${'override'} | ${'2026-03-16T11:00:00.000Z'} | ${['user:alice', '2026-03-16T11:00:00.000Z']}
    ${'override across the handoff, after it'}   | ${'2026-03-16T09:00:00Z'} | ${'user:frank'} | ${'override'} | ${'2026-03-16T11:00:00.000Z'} | ${['user:alice', '2026-03-16T11:00:00.000Z']}
    ${'next shift owner takes over late'}        | ${'2026-03-16T11:00:00Z'} | ${'user:alice'} | ${'rotation'} | ${'2026-03-23T08:00:00.000Z'} | ${['user:bob', '2026-03-23T08:00:00.000Z']}
    ${'plain week'}                              | ${'2026-03-04T12:00:00Z'} | ${'user:alice'} | ${'rotation'} | ${'2026-03-09T08:00:00.000Z'} | ${['user:bob', '2026-03-09T08:00:00.000Z']}
  `('primary: $case', ({ at, user, source, until, next }) => {
    expect(whoIsOnCall(TEAM, at)[0]).toEqual({
      layer: 'primary',
      user,
      source,
      until,
      next: { user: next[0], from: next[1] },
    });
  });

  it('answers every layer, in layer order', () => {
    expect(whoIsOnCall(TEAM, '2026-03-13T20:00:00Z')).toEqual([
      {
        layer: 'primary',
        user: 'user:erin',
        source: 'override',
        until: '2026-03-14T07:00:00.000Z',
        next: { user: 'user:bob', from: '2026-03-14T07:00:00.000Z' },
      },
      {
        layer: 'secondary',
        user: 'user:dave',
        source: 'rotation',
        until: '2026-03-14T08:00:00.000Z',
        next: { user: 'user:carol', from: '2026-03-14T08:00:00.000Z' },
      },
    ]);
  });

  it('skips the same person when looking for the next one', () => {
    const repeated = {
      ...PRIMARY,
      users: ['user:alice', 'user:alice', 'user:bob'],
    };
    expect(whoIsOnCall(schedule([repeated]), '2026-03-03T00:00:00Z')).toEqual([
      {
        layer: 'primary',
        user: 'user:alice',
        source: 'rotation',
        until: '2026-03-09T08:00:00.000Z',
        next: { user: 'user:bob', from: '2026-03-16T08:00:00.000Z' },
      },
    ]);
  });

  it('looks past an override that covers the next person’s whole shift', () => {
    const cover: OnCallOverride = {
      layer: 'primary',
      user: 'user:alice',
      from: '2026-03-09T08:00:00Z',
      to: '2026-03-16T08:00:00Z',
    };
    // alice's rotation shift, then her override over bob's week, then her own week.
    const [primary] = whoIsOnCall(
      schedule(
        [{ ...PRIMARY, users: ['user:alice', 'user:bob', 'user:carol'] }],
        [cover],
      ),
      '2026-03-03T00:00:00Z',
    );
    expect(primary).toEqual({
      layer: 'primary',
      user: 'user:alice',
      source: 'rotation',
      until: '2026-03-09T08:00:00.000Z',
      next: { user: 'user:carol', from: '2026-03-16T08:00:00.000Z' },
    });
  });

  it('has no next person in a one-user rotation', () => {
    const solo = { ...PRIMARY, users: ['user:alice'] };
    expect(whoIsOnCall(schedule([solo]), '2026-03-10T00:00:00Z')).toEqual([
      {
        layer: 'primary',
        user: 'user:alice',
        source: 'rotation',
        until: '2026-03-16T08:00:00.000Z',
      },
    ]);
  });

  describe('when nobody is on call', () => {
    const EMPTY: OnCallLayer = { ...SECONDARY, users: [] };
    const cover: OnCallOverride = {
      layer: 'secondary',
      user: 'user:gina',
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-11T00:00:00Z',
    };

    it.each`
      case                                  | layers         | overrides  | at                        | expected
      ${'empty rotation'}                   | ${[EMPTY]}     | ${[]}      | ${'2026-03-10T12:00:00Z'} | ${{ layer: 'secondary' }}
      ${'empty rotation, override to come'} | ${[EMPTY]}     | ${[cover]} | ${'2026-03-09T12:00:00Z'} | ${{ layer: 'secondary', until: '2026-03-10T00:00:00.000Z', next: { user: 'user:gina', from: '2026-03-10T00:00:00.000Z' } }}
      ${'empty rotation, inside override'}  | ${[EMPTY]}     | ${[cover]} | ${'2026-03-10T12:00:00Z'} | ${{ layer: 'secondary', user: 'user:gina', source: 'override', until: '2026-03-11T00:00:00.000Z' }}
      ${'empty rotation, override is over'} | ${[EMPTY]}     | ${[cover]} | ${'2026-03-11T00:00:00Z'} | ${{ layer: 'secondary' }}
      ${'before the start date'}            | ${[SECONDARY]} | ${[]}      | ${'2026-02-20T12:00:00Z'} | ${{ layer: 'secondary', until: '2026-03-02T08:00:00.000Z', next: { user: 'user:carol', from: '2026-03-02T08:00:00.000Z' } }}
      ${'start date, before the handoff'}   | ${[SECONDARY]} | ${[]}      | ${'2026-03-02T07:59:59Z'} | ${{ layer: 'secondary', until: '2026-03-02T08:00:00.000Z', next: { user: 'user:carol', from: '2026-03-02T08:00:00.000Z' } }}
    `('$case', ({ layers, overrides, at, expected }) => {
      expect(whoIsOnCall(schedule(layers, overrides), at)).toEqual([expected]);
    });

    it('reports the empty layer next to a staffed one', () => {
      expect(
        whoIsOnCall(schedule([PRIMARY, EMPTY]), '2026-03-04T12:00:00Z').map(
          e => [e.layer, e.user],
        ),
      ).toEqual([
        ['primary', 'user:alice'],
        ['secondary', undefined],
      ]);
    });
  });

  it('ignores overrides of other or unknown layers and empty overrides', () => {
    const stray: OnCallOverride[] = [
      { ...FRIDAY_NIGHT, layer: 'tertiary' },
      { ...FRIDAY_NIGHT, layer: 'secondary' },
      { ...FRIDAY_NIGHT, to: FRIDAY_NIGHT.from },
    ];
    expect(
      whoIsOnCall(schedule([PRIMARY], stray), '2026-03-13T20:00:00Z'),
    ).toEqual([
      {
        layer: 'primary',
        user: 'user:bob',
        source: 'rotation',
        until: '2026-03-16T08:00:00.000Z',
        next: { user: 'user:alice', from: '2026-03-16T08:00:00.000Z' },
      },
    ]);
  });

  it('throws on an invalid instant or override', () => {
    expect(() => whoIsOnCall(TEAM, 'now')).toThrow(
      'Invalid instant: "now" is not an ISO 8601 timestamp',
    );
    expect(() =>
      whoIsOnCall(
        schedule([PRIMARY], [{ ...FRIDAY_NIGHT, to: 'Saturday' }]),
        '2026-03-13T20:00:00Z',
      ),
    ).toThrow(
      'Invalid overrides[0].to: "Saturday" is not an ISO 8601 timestamp',
    );
  });
});

describe('effectiveShifts', () => {
  it('splits a shift around an override in its middle (three pieces)', () => {
    expect(
      pieces(
        schedule([PRIMARY], [FRIDAY_NIGHT]),
        'primary',
        '2026-03-09T08:00:00Z',
        '2026-03-16T08:00:00Z',
      ),
    ).toEqual([
      [
        'user:bob',
        '2026-03-09T08:00:00.000Z',
        '2026-03-13T17:00:00.000Z',
        'rotation',
      ],
      [
        'user:erin',
        '2026-03-13T17:00:00.000Z',
        '2026-03-14T07:00:00.000Z',
        'override',
      ],
      [
        'user:bob',
        '2026-03-14T07:00:00.000Z',
        '2026-03-16T08:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it('keeps an override across a handoff in one piece', () => {
    expect(
      pieces(TEAM, 'primary', '2026-03-15T00:00:00Z', '2026-03-17T00:00:00Z'),
    ).toEqual([
      [
        'user:bob',
        '2026-03-15T00:00:00.000Z',
        '2026-03-15T19:00:00.000Z',
        'rotation',
      ],
      [
        'user:frank',
        '2026-03-15T19:00:00.000Z',
        '2026-03-16T11:00:00.000Z',
        'override',
      ],
      [
        'user:alice',
        '2026-03-16T11:00:00.000Z',
        '2026-03-17T00:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it('clips pieces to the window and lists each layer on its own', () => {
    expect(
      pieces(TEAM, 'secondary', '2026-03-13T12:00:00Z', '2026-03-15T12:00:00Z'),
    ).toEqual([
      [
        'user:dave',
        '2026-03-13T12:00:00.000Z',
        '2026-03-14T08:00:00.000Z',
        'rotation',
      ],
      [
        'user:carol',
        '2026-03-14T08:00:00.000Z',
        '2026-03-15T08:00:00.000Z',
        'rotation',
      ],
      [
        'user:dave',
        '2026-03-15T08:00:00.000Z',
        '2026-03-15T12:00:00.000Z',
        'rotation',
      ],
    ]);
  });

  it('lets the later-listed override win where overrides overlap', () => {
    const long: OnCallOverride = {
      layer: 'primary',
      user: 'user:gina',
      from: '2026-03-10T00:00:00Z',
      to: '2026-03-10T12:00:00Z',
    };
    const short: OnCallOverride = {
      layer: 'primary',
      user: 'user:hank',
      from: '2026-03-10T04:00:00Z',
      to: '2026-03-10T06:00:00Z',
    };
    const window = ['2026-03-10T00:00:00Z', '2026-03-10T12:00:00Z'] as const;
    expect(
      pieces(schedule([PRIMARY], [long, short]), 'primary', ...window),
    ).toEqual([
      [
        'user:gina',
        '2026-03-10T00:00:00.000Z',
        '2026-03-10T04:00:00.000Z',
        'override',
      ],
      [
        'user:hank',
        '2026-03-10T04:00:00.000Z',
        '2026-03-10T06:00:00.000Z',
        'override',
      ],
      [
        'user:gina',
        '2026-03-10T06:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        'override',
      ],
    ]);
    expect(
      pieces(schedule([PRIMARY], [short, long]), 'primary', ...window),
    ).toEqual([
      [
        'user:gina',
        '2026-03-10T00:00:00.000Z',
        '2026-03-10T12:00:00.000Z',
        'override',
      ],
    ]);
  });

  it('leaves out the time nobody is on call', () => {
    const early: OnCallOverride = {
      layer: 'primary',
      user: 'user:gina',
      from: '2026-02-27T00:00:00Z',
      to: '2026-02-28T00:00:00Z',
    };
    expect(
      pieces(
        schedule([PRIMARY], [early]),
        'primary',
        '2026-02-26T00:00:00Z',
        '2026-03-03T00:00:00Z',
      ),
    ).toEqual([
      [
        'user:gina',
        '2026-02-27T00:00:00.000Z',
        '2026-02-28T00:00:00.000Z',
        'override',
      ],
      [
        'user:alice',
        '2026-03-02T08:00:00.000Z',
        '2026-03-03T00:00:00.000Z',
        'rotation',
      ],
    ]);
    expect(
      pieces(
        schedule([{ ...PRIMARY, users: [] }]),
        'primary',
        '2026-03-02T00:00:00Z',
        '2026-03-20T00:00:00Z',
      ),
    ).toEqual([]);
  });

  it('steps over a long override in one piece', () => {
    const sabbatical: OnCallOverride = {
      layer: 'secondary',
      user: 'user:gina',
      from: '2026-03-10T00:00:00Z',
      to: '2076-03-10T00:00:00Z',
    };
    const s = schedule([SECONDARY], [sabbatical]);
    expect(
      pieces(s, 'secondary', '2026-03-11T00:00:00Z', '2076-03-11T00:00:00Z'),
    ).toEqual([
      [
        'user:gina',
        '2026-03-11T00:00:00.000Z',
        '2076-03-10T00:00:00.000Z',
        'override',
      ],
      [
        'user:carol',
        '2076-03-10T00:00:00.000Z',
        '2076-03-10T08:00:00.000Z',
        'rotation',
      ],
      [
        'user:dave',
        '2076-03-10T08:00:00.000Z',
        '2076-03-11T00:00:00.000Z',
        'rotation',
      ],
    ]);
    expect(whoIsOnCall(s, '2030-01-01T00:00:00Z')[0]).toEqual({
      layer: 'secondary',
      user: 'user:gina',
      source: 'override',
      until: '2076-03-10T00:00:00.000Z',
      next: { user: 'user:carol', from: '2076-03-10T00:00:00.000Z' },
    });
  });

  it('is empty for an empty window and throws on an unknown layer', () => {
    expect(
      effectiveShifts(
        TEAM,
        'primary',
        '2026-03-10T00:00:00Z',
        '2026-03-10T00:00:00Z',
      ),
    ).toEqual([]);
    expect(() =>
      effectiveShifts(
        TEAM,
        'tertiary',
        '2026-03-10T00:00:00Z',
        '2026-03-11T00:00:00Z',
      ),
    ).toThrow('Unknown on-call layer "tertiary" in schedule "payments"');
  });
});

// ---------------------------------------------------------------- properties

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'Australia/Lord_Howe',
];
const USERS = ['a', 'b', 'c', 'd'];

const arbLayer = (name: string) =>
  fc.record({
    name: fc.constant(name),
    users: fc.array(fc.constantFrom(...USERS), { minLength: 1, maxLength: 4 }),
    rotation: fc.oneof(
      fc.constant({ type: 'daily' as const }),
      fc.constant({ type: 'weekly' as const }),
      fc.record({
        type: fc.constant('custom' as const),
        lengthHours: fc.integer({ min: 1, max: 72 }),
      }),
    ),
    handoffTime: fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${m ? '30' : '00'}`),
    handoffWeekday: fc.integer({ min: 1, max: 7 }),
    startDate: fc
      .integer({ min: 0, max: 300 })
      .map(d => DateTime.utc(2026, 1, 1).plus({ days: d }).toISODate()!),
  });

/**
 * Window start: 11 days after the latest start date. Every epoch is within 7
 * days of its start date, so even a probe 3 days before the window is after it.
 */
function windowStart(layers: OnCallLayer[], offsetMs: number): number {
  const latest = Math.max(
    ...layers.map(l => Date.parse(`${l.startDate}T00:00:00Z`)),
  );
  return latest + 11 * DAY + offsetMs;
}

const arbOverrides = (layerNames: string[]) =>
  fc.array(
    fc.record({
      layer: fc.constantFrom(...layerNames),
      user: fc.constantFrom(...USERS, 'x', 'y'),
      startMs: fc.integer({ min: -5 * DAY, max: 20 * DAY }),
      lengthMs: fc.integer({ min: 60_000, max: 5 * DAY }),
    }),
    { maxLength: 5 },
  );

const iso = (ms: number) => new Date(ms).toISOString();

/** The user of the piece holding `ms`, from a contiguous timeline. */
function userAt(
  timeline: { user: string; from: string; to: string }[],
  ms: number,
) {
  return timeline.find(p => Date.parse(p.from) <= ms && ms < Date.parse(p.to))
    ?.user;
}

/** The source of the piece holding `ms`, from a contiguous timeline. */
function sourceAt(timeline: OnCallShift[], ms: number) {
  return timeline.find(p => Date.parse(p.from) <= ms && ms < Date.parse(p.to))
    ?.source;
}

/**
 * What is wrong with an entry's `until` and `next`, if anything: `until` is
 * after `at`; `next` is a different person starting at or after `until`, with
 * only the current person on call from `at` until then; no `next` only for a
 * rotation of one distinct person.
 */
function nextProblems(
  s: OnCallSchedule,
  at: number,
  entry: OnCallNow,
): string[] {
  const problems: string[] = [];
  const until = Date.parse(entry.until!);
  if (!(until > at)) {
    problems.push(
      `${entry.layer}: until ${entry.until} is not after ${iso(at)}`,
    );
  }
  if (!entry.next) {
    const users = new Set(s.layers.find(l => l.name === entry.layer)!.users);
    if (users.size !== 1 || !users.has(entry.user!)) {
      problems.push(`${entry.layer}: no next person after ${entry.user}`);
    }
    return problems;
  }
  const nextFrom = Date.parse(entry.next.from);
  if (nextFrom < until || entry.next.user === entry.user) {
    problems.push(
      `${entry.layer}: next ${JSON.stringify(entry.next)} vs until ${
        entry.until
      }`,
    );
  }
  const between = effectiveShifts(s, entry.layer, iso(at), iso(nextFrom + 1));
  const last = between[between.length - 1];
  if (
    !between.slice(0, -1).every(p => p.user === entry.user) ||
    last.user !== entry.next.user ||
    last.from !== entry.next.from
  ) {
    problems.push(
      `${entry.layer}: someone else on call before ${entry.next.from}`,
    );
  }
  return problems;
}

describe('on-call properties', () => {
  const arbCase = fc.record({
    layers: fc.tuple(arbLayer('primary'), arbLayer('secondary')),
    overrides: arbOverrides(['primary', 'secondary']),
    timezone: fc.constantFrom(...ZONES),
    offsetMs: fc.integer({ min: 0, max: 200 * DAY }),
    windowMs: fc.integer({ min: 1, max: 20 * DAY }),
    probes: fc.array(
      fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
      {
        minLength: 1,
        maxLength: 5,
      },
    ),
  });

  type Case = typeof arbCase extends fc.Arbitrary<infer T> ? T : never;

  function build(c: Case) {
    const from = windowStart([...c.layers], c.offsetMs);
    const to = from + c.windowMs;
    const s: OnCallSchedule = {
      name: 'prop',
      timezone: c.timezone,
      layers: [...c.layers],
      overrides: c.overrides.map(o => ({
        layer: o.layer,
        user: o.user,
        from: iso(from + o.startMs),
        to: iso(from + o.startMs + o.lengthMs),
      })),
    };
    return { s, from, to };
  }

  it('exactly one person per layer at any instant: a contiguous timeline covering the window', () => {
    fc.assert(
      fc.property(arbCase, c => {
        const { s, from, to } = build(c);
        const timelines = s.layers.map(l =>
          effectiveShifts(s, l.name, iso(from), iso(to)),
        );
        for (const timeline of timelines) {
          expect(Date.parse(timeline[0].from)).toBe(from);
          expect(Date.parse(timeline[timeline.length - 1].to)).toBe(to);
          expect(timeline.every(p => p.from < p.to)).toBe(true);
          expect(timeline.slice(1).map(p => p.from)).toEqual(
            timeline.slice(0, -1).map(p => p.to),
          );
        }
        for (const probe of c.probes) {
          const at = from + Math.floor(probe * (to - from));
          const now = whoIsOnCall(s, iso(at));
          expect(now.map(e => e.layer)).toEqual(['primary', 'secondary']);
          expect(
            now.map((entry, i) => {
              const piece = timelines[i].find(
                p => Date.parse(p.from) <= at && at < Date.parse(p.to),
              )!;
              // a piece clipped by the window end may go on beyond it
              const clipped = Date.parse(piece.to) === to;
              return [
                entry.user,
                entry.source,
                clipped || entry.until === piece.to,
              ];
            }),
          ).toEqual(timelines.map(t => [userAt(t, at), sourceAt(t, at), true]));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('an override wins only inside its window', () => {
    fc.assert(
      fc.property(
        arbLayer('primary'),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 200 * DAY }),
        fc.integer({ min: 1, max: 10 * DAY }),
        fc.integer({ min: -3 * DAY, max: 13 * DAY }),
        (layer, timezone, offsetMs, lengthMs, probeMs) => {
          const from = windowStart([layer], offsetMs);
          const override = {
            layer: 'primary',
            user: 'x',
            from: iso(from),
            to: iso(from + lengthMs),
          };
          const s = schedule([layer], [override]);
          s.timezone = timezone;
          const at = from + probeMs;
          const [entry] = whoIsOnCall(s, iso(at));
          const inside = at >= from && at < from + lengthMs;
          const expected = inside
            ? { user: 'x', source: 'override', until: override.to }
            : {
                user: shiftAt(layer, timezone, iso(at))!.user,
                source: 'rotation',
              };
          expect(entry).toMatchObject(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('next is the first different person, after until', () => {
    fc.assert(
      fc.property(arbCase, c => {
        const { s, from, to } = build(c);
        const at = from + Math.floor(c.probes[0] * (to - from));
        const problems = whoIsOnCall(s, iso(at)).flatMap(entry =>
          nextProblems(s, at, entry),
        );
        expect(problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
