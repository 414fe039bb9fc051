import fc from 'fast-check';
import { DateTime } from 'luxon';
import { shiftAt, shiftsBetween } from './Rotation';
import { OnCallLayer } from './types';

function layer(overrides: Partial<OnCallLayer>): OnCallLayer {
  return {
    name: 'primary',
    users: ['user:alice', 'user:bob', 'user:carol'],
    rotation: { type: 'daily' },
    handoffTime: '09:00',
    startDate: '2026-03-02',
    ...overrides,
  };
}

const layers: Record<string, OnCallLayer> = {
  /** alice, bob, carol, daily 09:00 UTC from Monday 2026-03-02. */
  DAILY_UTC: layer({}),
  /** daily 09:00 Paris around both DST changes. */
  DAILY_PARIS: layer({ startDate: '2026-03-27' }),
  /** daily 02:30 Paris: does not exist on 2026-03-29, twice on 2026-10-25. */
  DAILY_PARIS_0230: layer({ handoffTime: '02:30', startDate: '2026-03-28' }),
  /** alice, bob weekly, Monday 09:00 Paris; epoch Wednesday 2026-03-18 → Monday 2026-03-23. */
  WEEKLY_PARIS: layer({
    users: ['user:alice', 'user:bob'],
    rotation: { type: 'weekly' },
    startDate: '2026-03-18',
  }),
  /** weekly Friday 18:00 UTC; epoch Friday 2026-03-06 itself. */
  WEEKLY_FRIDAY: layer({
    users: ['user:alice', 'user:bob'],
    rotation: { type: 'weekly' },
    handoffWeekday: 5,
    handoffTime: '18:00',
    startDate: '2026-03-06',
  }),
  /** alice, bob, 12 real hours from 08:00 Paris on 2026-03-28. */
  CUSTOM_12H_PARIS: layer({
    users: ['user:alice', 'user:bob'],
    rotation: { type: 'custom', lengthHours: 12 },
    handoffTime: '08:00',
    startDate: '2026-03-28',
  }),
  /** daily 10:00 in Samoa, which skipped 2011-12-30 entirely. */
  DAILY_APIA: layer({ handoffTime: '10:00', startDate: '2011-12-28' }),
  EMPTY: layer({ users: [] }),
};

const zones: Record<string, string> = {
  DAILY_UTC: 'UTC',
  DAILY_PARIS: 'Europe/Paris',
  DAILY_PARIS_0230: 'Europe/Paris',
  WEEKLY_PARIS: 'Europe/Paris',
  WEEKLY_FRIDAY: 'UTC',
  CUSTOM_12H_PARIS: 'Europe/Paris',
  DAILY_APIA: 'Pacific/Apia',
  EMPTY: 'UTC',
};

describe('shiftAt', () => {
  it.each`
    case                                         | name                  | at                             | user            | from                          | to
    ${'at the epoch'}                            | ${'DAILY_UTC'}        | ${'2026-03-02T09:00:00Z'}      | ${'user:alice'} | ${'2026-03-02T09:00:00.000Z'} | ${'2026-03-03T09:00:00.000Z'}
    ${'third day'}                               | ${'DAILY_UTC'}        | ${'2026-03-04T12:00:00Z'}      | ${'user:carol'} | ${'2026-03-04T09:00:00.000Z'} | ${'2026-03-05T09:00:00.000Z'}
    ${'just before a handoff'}                   | ${'DAILY_UTC'}        | ${'2026-03-05T08:59:59.999Z'}  | ${'user:carol'} | ${'2026-03-04T09:00:00.000Z'} | ${'2026-03-05T09:00:00.000Z'}
    ${'wraps round to the first user'}           | ${'DAILY_UTC'}        | ${'2026-03-05T09:00:00Z'}      | ${'user:alice'} | ${'2026-03-05T09:00:00.000Z'} | ${'2026-03-06T09:00:00.000Z'}
    ${'a year on (365 = 3×121 + 2)'}             | ${'DAILY_UTC'}        | ${'2027-03-02T10:00:00Z'}      | ${'user:carol'} | ${'2027-03-02T09:00:00.000Z'} | ${'2027-03-03T09:00:00.000Z'}
    ${'instant with an offset'}                  | ${'DAILY_UTC'}        | ${'2026-03-03T10:30:00+01:00'} | ${'user:bob'}   | ${'2026-03-03T09:00:00.000Z'} | ${'2026-03-04T09:00:00.000Z'}
    ${'daily, 23 h shift over spring-forward'}   | ${'DAILY_PARIS'}      | ${'2026-03-28T20:00:00Z'}      | ${'user:bob'}   | ${'2026-03-28T08:00:00.000Z'} | ${'2026-03-29T07:00:00.000Z'}
    ${'daily, after spring-forward'}             | ${'DAILY_PARIS'}      | ${'2026-03-29T07:00:00Z'}      | ${'user:carol'} | ${'2026-03-29T07:00:00.000Z'} | ${'2026-03-30T07:00:00.000Z'}
    ${'daily, 25 h shift over fall-back'}        | ${'DAILY_PARIS'}      | ${'2026-10-25T07:30:00Z'}      | ${'user:bob'}   | ${'2026-10-24T07:00:00.000Z'} | ${'2026-10-25T08:00:00.000Z'}
    ${'02:30 missing: moved to 03:30 CEST'}      | ${'DAILY_PARIS_0230'} | ${'2026-03-29T01:00:00Z'}      | ${'user:alice'} | ${'2026-03-28T01:30:00.000Z'} | ${'2026-03-29T01:30:00.000Z'}
    ${'after the moved handoff'}                 | ${'DAILY_PARIS_0230'} | ${'2026-03-29T01:30:00Z'}      | ${'user:bob'}   | ${'2026-03-29T01:30:00.000Z'} | ${'2026-03-30T00:30:00.000Z'}
    ${'02:30 twice: second occurrence (CET)'}    | ${'DAILY_PARIS_0230'} | ${'2026-10-25T01:00:00Z'}      | ${'user:alice'} | ${'2026-10-24T00:30:00.000Z'} | ${'2026-10-25T01:30:00.000Z'}
    ${'after the ambiguous handoff'}             | ${'DAILY_PARIS_0230'} | ${'2026-10-25T01:30:00Z'}      | ${'user:bob'}   | ${'2026-10-25T01:30:00.000Z'} | ${'2026-10-26T01:30:00.000Z'}
    ${'weekly, epoch is the next Monday'}        | ${'WEEKLY_PARIS'}     | ${'2026-03-23T08:00:00Z'}      | ${'user:alice'} | ${'2026-03-23T08:00:00.000Z'} | ${'2026-03-30T07:00:00.000Z'}
    ${'weekly, over spring-forward (167 h)'}     | ${'WEEKLY_PARIS'}     | ${'2026-03-29T12:00:00Z'}      | ${'user:alice'} | ${'2026-03-23T08:00:00.000Z'} | ${'2026-03-30T07:00:00.000Z'}
    ${'weekly, Monday 09:00 CEST'}               | ${'WEEKLY_PARIS'}     | ${'2026-03-30T07:00:00Z'}      | ${'user:bob'}   | ${'2026-03-30T07:00:00.000Z'} | ${'2026-04-06T07:00:00.000Z'}
    ${'weekly, over fall-back (169 h)'}          | ${'WEEKLY_PARIS'}     | ${'2026-10-25T12:00:00Z'}      | ${'user:alice'} | ${'2026-10-19T07:00:00.000Z'} | ${'2026-10-26T08:00:00.000Z'}
    ${'weekly, Monday 09:00 CET'}                | ${'WEEKLY_PARIS'}     | ${'2026-10-26T08:00:00Z'}      | ${'user:bob'}   | ${'2026-10-26T08:00:00.000Z'} | ${'2026-11-02T08:00:00.000Z'}
    ${'weekly on Friday 18:00'}                  | ${'WEEKLY_FRIDAY'}    | ${'2026-03-16T00:00:00Z'}      | ${'user:bob'}   | ${'2026-03-13T18:00:00.000Z'} | ${'2026-03-20T18:00:00.000Z'}
    ${'custom 12 h, first shift'}                | ${'CUSTOM_12H_PARIS'} | ${'2026-03-28T07:00:00Z'}      | ${'user:alice'} | ${'2026-03-28T07:00:00.000Z'} | ${'2026-03-28T19:00:00.000Z'}
    ${'custom 12 h, second shift'}               | ${'CUSTOM_12H_PARIS'} | ${'2026-03-29T01:00:00Z'}      | ${'user:bob'}   | ${'2026-03-28T19:00:00.000Z'} | ${'2026-03-29T07:00:00.000Z'}
    ${'custom 12 h, real hours across DST'}      | ${'CUSTOM_12H_PARIS'} | ${'2026-03-29T08:00:00Z'}      | ${'user:alice'} | ${'2026-03-29T07:00:00.000Z'} | ${'2026-03-29T19:00:00.000Z'}
    ${'Apia: 29 Dec shift runs to 31 Dec 10:00'} | ${'DAILY_APIA'}       | ${'2011-12-30T12:00:00Z'}      | ${'user:bob'}   | ${'2011-12-29T20:00:00.000Z'} | ${'2011-12-30T20:00:00.000Z'}
    ${'Apia: missing 30 Dec shift is skipped'}   | ${'DAILY_APIA'}       | ${'2011-12-30T20:00:00Z'}      | ${'user:alice'} | ${'2011-12-30T20:00:00.000Z'} | ${'2011-12-31T20:00:00.000Z'}
  `('$case', ({ name, at, user, from, to }) => {
    expect(shiftAt(layers[name], zones[name], at)).toEqual({
      layer: 'primary',
      user,
      from,
      to,
      source: 'rotation',
    });
  });

  it.each`
    case                                          | name                  | at
    ${'no users'}                                 | ${'EMPTY'}            | ${'2026-03-10T12:00:00Z'}
    ${'before the start date'}                    | ${'DAILY_UTC'}        | ${'2026-03-01T12:00:00Z'}
    ${'on the start date, before the handoff'}    | ${'DAILY_UTC'}        | ${'2026-03-02T08:59:59Z'}
    ${'weekly, after startDate but before epoch'} | ${'WEEKLY_PARIS'}     | ${'2026-03-20T12:00:00Z'}
    ${'custom, before the first handoff'}         | ${'CUSTOM_12H_PARIS'} | ${'2026-03-28T06:59:59Z'}
  `('is undefined: $case', ({ name, at }) => {
    expect(shiftAt(layers[name], zones[name], at)).toBeUndefined();
  });

  it.each`
    case                 | patch                                                | timezone          | message
    ${'timezone'}        | ${{}}                                                | ${'Mars/Olympus'} | ${/timezone: "Mars\/Olympus" is not an IANA timezone/}
    ${'handoff time'}    | ${{ handoffTime: '24:00' }}                          | ${'UTC'}          | ${/handoffTime: "24:00" must be 'HH:mm'/}
    ${'start date'}      | ${{ startDate: '2026-02-30' }}                       | ${'UTC'}          | ${/startDate: "2026-02-30" must be a date/}
    ${'custom length'}   | ${{ rotation: { type: 'custom' } }}                  | ${'UTC'}          | ${/rotation.lengthHours: undefined must be a positive number/}
    ${'negative length'} | ${{ rotation: { type: 'custom', lengthHours: -1 } }} | ${'UTC'}          | ${/rotation.lengthHours: -1/}
    ${'rotation type'}   | ${{ rotation: { type: 'hourly' } }}                  | ${'UTC'}          | ${/rotation.type: must be one of daily, weekly, custom/}
    ${'weekday'}         | ${{ handoffWeekday: 0 }}                             | ${'UTC'}          | ${/handoffWeekday: 0 must be 1 \(Monday\) to 7 \(Sunday\)/}
  `('throws on an invalid $case', ({ patch, timezone, message }) => {
    expect(() =>
      shiftAt(layer(patch), timezone, '2026-03-10T00:00:00Z'),
    ).toThrow(message);
  });

  it('throws on an invalid instant', () => {
    expect(() => shiftAt(layers.DAILY_UTC, 'UTC', 'yesterday')).toThrow(
      'Invalid instant: "yesterday" is not an ISO 8601 timestamp',
    );
  });
});

describe('shiftsBetween', () => {
  it('lists the shifts overlapping the window with their real bounds', () => {
    expect(
      shiftsBetween(
        layers.WEEKLY_PARIS,
        'Europe/Paris',
        '2026-03-20T00:00:00Z',
        '2026-04-07T00:00:00Z',
      ),
    ).toEqual([
      {
        layer: 'primary',
        user: 'user:alice',
        from: '2026-03-23T08:00:00.000Z',
        to: '2026-03-30T07:00:00.000Z',
        source: 'rotation',
      },
      {
        layer: 'primary',
        user: 'user:bob',
        from: '2026-03-30T07:00:00.000Z',
        to: '2026-04-06T07:00:00.000Z',
        source: 'rotation',
      },
      {
        layer: 'primary',
        user: 'user:alice',
        from: '2026-04-06T07:00:00.000Z',
        to: '2026-04-13T07:00:00.000Z',
        source: 'rotation',
      },
    ]);
  });

  it('gives 23 h and 25 h daily shifts on the DST days', () => {
    const hours = (from: string, to: string) =>
      shiftsBetween(layers.DAILY_PARIS, 'Europe/Paris', from, to).map(
        s => (Date.parse(s.to) - Date.parse(s.from)) / 3_600_000,
      );
    expect(hours('2026-03-27T12:00:00Z', '2026-03-30T12:00:00Z')).toEqual([
      24, 23, 24, 24,
    ]);
    expect(hours('2026-10-23T12:00:00Z', '2026-10-26T12:00:00Z')).toEqual([
      24, 25, 24, 24,
    ]);
  });

  it('skips the empty shift of a local date that does not exist', () => {
    expect(
      shiftsBetween(
        layers.DAILY_APIA,
        'Pacific/Apia',
        '2011-12-29T00:00:00Z',
        '2011-12-31T00:00:00Z',
      ).map(s => [s.user, s.from, s.to]),
    ).toEqual([
      ['user:alice', '2011-12-28T20:00:00.000Z', '2011-12-29T20:00:00.000Z'],
      ['user:bob', '2011-12-29T20:00:00.000Z', '2011-12-30T20:00:00.000Z'],
      ['user:alice', '2011-12-30T20:00:00.000Z', '2011-12-31T20:00:00.000Z'],
    ]);
  });

  it.each`
    case                         | name           | from                      | to
    ${'no users'}                | ${'EMPTY'}     | ${'2026-03-01T00:00:00Z'} | ${'2026-04-01T00:00:00Z'}
    ${'window before the epoch'} | ${'DAILY_UTC'} | ${'2026-02-01T00:00:00Z'} | ${'2026-03-02T09:00:00Z'}
    ${'empty window'}            | ${'DAILY_UTC'} | ${'2026-03-10T00:00:00Z'} | ${'2026-03-10T00:00:00Z'}
    ${'reversed window'}         | ${'DAILY_UTC'} | ${'2026-03-10T00:00:00Z'} | ${'2026-03-09T00:00:00Z'}
  `('is empty: $case', ({ name, from, to }) => {
    expect(shiftsBetween(layers[name], zones[name], from, to)).toEqual([]);
  });

  it('starts with users[0] at the epoch when the window starts earlier', () => {
    expect(
      shiftsBetween(
        layers.DAILY_UTC,
        'UTC',
        '2026-01-01T00:00:00Z',
        '2026-03-03T09:00:01Z',
      ).map(s => [s.user, s.from]),
    ).toEqual([
      ['user:alice', '2026-03-02T09:00:00.000Z'],
      ['user:bob', '2026-03-03T09:00:00.000Z'],
    ]);
  });

  it('refuses an unbounded window', () => {
    expect(() =>
      shiftsBetween(
        layers.DAILY_UTC,
        'UTC',
        '2026-03-02T00:00:00Z',
        '2099-01-01T00:00:00Z',
      ),
    ).toThrow(RangeError);
  });
});

const ZONES = [
  'UTC',
  'Europe/Paris',
  'America/New_York',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
];

/** A valid layer with distinct users, 2026–2027. */
const arbLayer = fc.record({
  name: fc.constant('primary'),
  users: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd', 'e'), {
    minLength: 1,
    maxLength: 5,
  }),
  rotation: fc.oneof(
    fc.constant({ type: 'daily' as const }),
    fc.constant({ type: 'weekly' as const }),
    fc.record({
      type: fc.constant('custom' as const),
      lengthHours: fc.integer({ min: 1, max: 96 }),
    }),
  ),
  handoffTime: fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(
      ([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
    ),
  handoffWeekday: fc.integer({ min: 1, max: 7 }),
  startDate: fc
    .integer({ min: 0, max: 364 })
    .map(d => DateTime.utc(2026, 1, 1).plus({ days: d }).toISODate()!),
});

/** Epoch ms of a layer's first handoff (the first shift's start). */
function epochOf(l: OnCallLayer, timezone: string): number {
  const start = DateTime.fromISO(l.startDate, { zone: 'utc' });
  const [first] = shiftsBetween(
    l,
    timezone,
    start.minus({ days: 1 }).toISO()!,
    start.plus({ days: 9 }).toISO()!,
  );
  return Date.parse(first.from);
}

/**
 * What is wrong with a rotation shift's bounds, if anything: custom shifts
 * last exactly `lengthHours`; daily and weekly ones start at the local handoff
 * time (or later, when that time fell into a spring-forward gap), on the
 * handoff weekday, and last a day or a week give or take an hour.
 */
function handoffProblems(
  l: OnCallLayer,
  timezone: string,
  s: { from: string; to: string },
): string[] {
  const length = Date.parse(s.to) - Date.parse(s.from);
  if (l.rotation.type === 'custom') {
    return length === l.rotation.lengthHours! * 3_600_000
      ? []
      : [`${s.from}: lasts ${length} ms`];
  }
  const problems: string[] = [];
  const local = DateTime.fromISO(s.from, { zone: timezone });
  const inGap = local.minus({ hours: 3 }).offset < local.offset;
  if (local.toFormat('HH:mm') !== l.handoffTime && !inGap) {
    problems.push(`${s.from}: starts at ${local.toFormat('HH:mm')} local`);
  }
  if (l.rotation.type === 'weekly' && local.weekday !== l.handoffWeekday) {
    problems.push(`${s.from}: starts on weekday ${local.weekday}`);
  }
  const nominal = (l.rotation.type === 'weekly' ? 7 : 1) * 86_400_000;
  if (Math.abs(length - nominal) > 3_600_000) {
    problems.push(`${s.from}: lasts ${length} ms`);
  }
  return problems;
}

describe('rotation properties', () => {
  it('shifts are contiguous, visit users in order and start with users[0]', () => {
    fc.assert(
      fc.property(
        arbLayer,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 60 * 24 }),
        (l, timezone, windowHours) => {
          const epoch = epochOf(l, timezone);
          const shifts = shiftsBetween(
            l,
            timezone,
            new Date(epoch - 3_600_000).toISOString(),
            new Date(epoch + windowHours * 3_600_000).toISOString(),
          );
          expect(shifts[0].user).toBe(l.users[0]);
          expect(Date.parse(shifts[0].from)).toBe(epoch);
          // one expect per run: jest matchers are slow in loops
          expect(shifts.map(s => s.user)).toEqual(
            shifts.map((_, i) => l.users[i % l.users.length]),
          );
          expect(shifts.every(s => s.from < s.to)).toBe(true);
          expect(shifts.slice(1).map(s => s.from)).toEqual(
            shifts.slice(0, -1).map(s => s.to),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('hands off at the local handoff time, or after a DST gap; custom shifts have their exact length', () => {
    fc.assert(
      fc.property(
        arbLayer,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 400 }),
        (l, timezone, dayOffset) => {
          const from = epochOf(l, timezone) + dayOffset * 86_400_000;
          const shifts = shiftsBetween(
            l,
            timezone,
            new Date(from).toISOString(),
            new Date(from + 20 * 86_400_000).toISOString(),
          );
          expect(shifts.flatMap(s => handoffProblems(l, timezone, s))).toEqual(
            [],
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shiftAt agrees with shiftsBetween at any instant after the epoch', () => {
    fc.assert(
      fc.property(
        arbLayer,
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 400 * 86_400_000 }),
        (l, timezone, offset) => {
          const at = epochOf(l, timezone) + offset;
          const iso = new Date(at).toISOString();
          const shift = shiftAt(l, timezone, iso)!;
          expect(Date.parse(shift.from)).toBeLessThanOrEqual(at);
          expect(Date.parse(shift.to)).toBeGreaterThan(at);
          expect(
            shiftsBetween(l, timezone, iso, new Date(at + 1).toISOString()),
          ).toEqual([shift]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
