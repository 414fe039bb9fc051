import fc from 'fast-check';
import { DateTime } from 'luxon';
import { effectiveShifts, whoIsOnCall } from './OnCallResolver';
import { shiftAt } from './Rotation';
import { OnCallLayer, OnCallNow, OnCallSchedule, OnCallShift } from './types';
import { schedule } from './__testUtils__/paymentsSchedule';

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
