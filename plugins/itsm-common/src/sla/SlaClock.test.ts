import fc from 'fast-check';
import { BusinessCalendar, CALENDAR_24X7 } from './BusinessCalendar';
import { SlaClockInput, computeSlaClock } from './SlaClock';
import { SlaPause } from './SlaPause';

/** Mon–Fri 09:00–17:00 UTC; Monday 2026-03-09 is the usual start day. */
const OFFICE: BusinessCalendar = {
  timezone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: [],
};

const PARIS_OFFICE: BusinessCalendar = {
  timezone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: ['2026-12-25'],
};

/** A 4-hour target started Monday 10:00 UTC: due 14:00, warning 13:00. */
const base: SlaClockInput = {
  targetMinutes: 240,
  calendar: OFFICE,
  startedAt: '2026-03-09T10:00:00Z',
  now: '2026-03-09T12:00:00Z',
};

describe('computeSlaClock without pauses', () => {
  it('reports due and warning times and the time left', () => {
    expect(computeSlaClock(base)).toEqual({
      targetMinutes: 240,
      dueAt: '2026-03-09T14:00:00.000Z',
      warningAt: '2026-03-09T13:00:00.000Z',
      elapsedMinutes: 120,
      remainingMinutes: 120,
      pausedMinutes: 0,
      state: 'running',
      paused: false,
      warningReached: false,
      breached: false,
    });
  });

  it.each`
    now                       | stoppedAt                 | state         | warningReached | breached | remainingMinutes
    ${'2026-03-09T12:59:00Z'} | ${undefined}              | ${'running'}  | ${false}       | ${false} | ${61}
    ${'2026-03-09T13:00:00Z'} | ${undefined}              | ${'running'}  | ${true}        | ${false} | ${60}
    ${'2026-03-09T14:00:00Z'} | ${undefined}              | ${'running'}  | ${true}        | ${false} | ${0}
    ${'2026-03-09T14:01:00Z'} | ${undefined}              | ${'breached'} | ${true}        | ${true}  | ${-1}
    ${'2026-03-10T10:00:00Z'} | ${undefined}              | ${'breached'} | ${true}        | ${true}  | ${-240}
    ${'2026-03-10T10:00:00Z'} | ${'2026-03-09T12:00:00Z'} | ${'met'}      | ${false}       | ${false} | ${120}
    ${'2026-03-10T10:00:00Z'} | ${'2026-03-09T13:30:00Z'} | ${'met'}      | ${true}        | ${false} | ${30}
    ${'2026-03-10T10:00:00Z'} | ${'2026-03-09T14:00:00Z'} | ${'met'}      | ${true}        | ${false} | ${0}
    ${'2026-03-10T10:00:00Z'} | ${'2026-03-09T14:30:00Z'} | ${'breached'} | ${true}        | ${true}  | ${-30}
  `(
    'now $now, stopped $stoppedAt → $state',
    ({ now, stoppedAt, state, warningReached, breached, remainingMinutes }) => {
      const clock = computeSlaClock({ ...base, now, stoppedAt });
      expect(clock.state).toBe(state);
      expect(clock.warningReached).toBe(warningReached);
      expect(clock.breached).toBe(breached);
      expect(clock.remainingMinutes).toBe(remainingMinutes);
      expect(clock.dueAt).toBe('2026-03-09T14:00:00.000Z');
    },
  );

  it('is breached right after a due time that falls at closing time', () => {
    const clock = computeSlaClock({
      ...base,
      startedAt: '2026-03-09T13:00:00Z',
      now: '2026-03-09T17:30:00Z',
    });
    expect(clock.dueAt).toBe('2026-03-09T17:00:00.000Z');
    expect(clock.state).toBe('breached');
    expect(clock.remainingMinutes).toBe(0);
  });

  it('starts counting at the next working moment when opened outside hours', () => {
    const clock = computeSlaClock({
      ...base,
      startedAt: '2026-03-07T22:00:00Z', // Saturday night
      now: '2026-03-09T10:00:00Z',
    });
    expect(clock.dueAt).toBe('2026-03-09T13:00:00.000Z');
    expect(clock.warningAt).toBe('2026-03-09T12:00:00.000Z');
    expect(clock.elapsedMinutes).toBe(60);
  });

  it('recomputes from the same start when the priority (target) changes', () => {
    const p3 = computeSlaClock({ ...base, targetMinutes: 1440 });
    const p2 = computeSlaClock({
      ...base,
      targetMinutes: 480,
      calendar: CALENDAR_24X7,
    });
    expect(p3.dueAt).toBe('2026-03-12T10:00:00.000Z');
    expect(p2.dueAt).toBe('2026-03-09T18:00:00.000Z');
  });

  it('uses the warning ratio it is given', () => {
    expect(computeSlaClock({ ...base, warningRatio: 0.5 }).warningAt).toBe(
      '2026-03-09T12:00:00.000Z',
    );
  });

  it.each`
    input                          | message
    ${{ targetMinutes: 0 }}        | ${/0 must be a positive number of minutes/}
    ${{ targetMinutes: NaN }}      | ${/NaN must be a positive number of minutes/}
    ${{ warningRatio: 1.5 }}       | ${/warning ratio: 1.5/}
    ${{ startedAt: 'soon' }}       | ${/startedAt: "soon" is not an ISO 8601 timestamp/}
    ${{ pauses: [{ from: 'x' }] }} | ${/pauses\[0\]\.from: "x"/}
  `('rejects $input', ({ input, message }) => {
    expect(() => computeSlaClock({ ...base, ...input })).toThrow(message);
  });
});

describe('computeSlaClock with pauses', () => {
  const pause = (from: string, to?: string): SlaPause => ({
    from: `2026-03-${from}:00Z`,
    to: to && `2026-03-${to}:00Z`,
  });

  it.each`
    case                                        | pauses                                                                                           | now           | dueAt                         | pausedMinutes | elapsedMinutes | state         | paused
    ${'one pause'}                              | ${[pause('09T11:00', '09T11:30')]}                                                               | ${'09T12:00'} | ${'2026-03-09T14:30:00.000Z'} | ${30}         | ${90}          | ${'running'}  | ${false}
    ${'several pauses'}                         | ${[pause('09T11:00', '09T11:30'), pause('09T12:00', '09T13:00')]}                                | ${'09T15:00'} | ${'2026-03-09T15:30:00.000Z'} | ${90}         | ${210}         | ${'running'}  | ${false}
    ${'unsorted, overlapping pauses'}           | ${[pause('09T12:00', '09T13:00'), pause('09T11:00', '09T11:30'), pause('09T12:30', '09T13:15')]} | ${'09T15:00'} | ${'2026-03-09T15:45:00.000Z'} | ${105}        | ${195}         | ${'running'}  | ${false}
    ${'a pause from before the start'}          | ${[pause('09T08:00', '09T10:30')]}                                                               | ${'09T12:00'} | ${'2026-03-09T14:30:00.000Z'} | ${30}         | ${90}          | ${'running'}  | ${false}
    ${'a pause over the weekend only'}          | ${[pause('07T10:00', '08T20:00')]}                                                               | ${'09T12:00'} | ${'2026-03-09T14:00:00.000Z'} | ${0}          | ${120}         | ${'running'}  | ${false}
    ${'a pause across a night'}                 | ${[pause('09T13:00', '10T10:00')]}                                                               | ${'10T10:30'} | ${'2026-03-10T11:00:00.000Z'} | ${300}        | ${210}         | ${'running'}  | ${false}
    ${'a pause that starts after the due time'} | ${[pause('09T15:00', '09T16:00')]}                                                               | ${'09T16:30'} | ${'2026-03-09T14:00:00.000Z'} | ${60}         | ${330}         | ${'breached'} | ${false}
    ${'an open pause (provisional due time)'}   | ${[pause('09T11:00')]}                                                                           | ${'09T12:30'} | ${'2026-03-09T15:30:00.000Z'} | ${90}         | ${60}          | ${'paused'}   | ${true}
    ${'the same open pause, later'}             | ${[pause('09T11:00')]}                                                                           | ${'09T13:00'} | ${'2026-03-09T16:00:00.000Z'} | ${120}        | ${60}          | ${'paused'}   | ${true}
    ${'an open pause after the due time'}       | ${[pause('09T15:00')]}                                                                           | ${'09T16:00'} | ${'2026-03-09T14:00:00.000Z'} | ${60}         | ${300}         | ${'breached'} | ${true}
    ${'a closed pause still going on at now'}   | ${[pause('09T11:00', '09T13:00')]}                                                               | ${'09T12:00'} | ${'2026-03-09T15:00:00.000Z'} | ${60}         | ${60}          | ${'paused'}   | ${true}
  `(
    '$case',
    ({ pauses, now, dueAt, pausedMinutes, elapsedMinutes, state, paused }) => {
      const clock = computeSlaClock({
        ...base,
        pauses,
        now: `2026-03-${now}:00Z`,
      });
      expect(clock.dueAt).toBe(dueAt);
      expect(clock.pausedMinutes).toBe(pausedMinutes);
      expect(clock.elapsedMinutes).toBe(elapsedMinutes);
      expect(clock.state).toBe(state);
      expect(clock.paused).toBe(paused);
    },
  );

  it('counts only the business-time overlap of a pause that starts outside working hours', () => {
    // Started Monday 15:00; 4 h = Monday 15:00–17:00 + Tuesday 09:00–11:00.
    // On hold from Monday 18:00 to Tuesday 10:00: only Tuesday 09:00–10:00 counts.
    const clock = computeSlaClock({
      ...base,
      startedAt: '2026-03-09T15:00:00Z',
      pauses: [{ from: '2026-03-09T18:00:00Z', to: '2026-03-10T10:00:00Z' }],
      now: '2026-03-10T11:00:00Z',
    });
    expect(clock.dueAt).toBe('2026-03-10T12:00:00.000Z');
    expect(clock.pausedMinutes).toBe(60);
    expect(clock.elapsedMinutes).toBe(180);
    expect(clock.state).toBe('running');
  });

  it('pushes the warning time by pauses before it', () => {
    const clock = computeSlaClock({
      ...base,
      pauses: [{ from: '2026-03-09T11:00:00Z', to: '2026-03-09T11:30:00Z' }],
    });
    expect(clock.warningAt).toBe('2026-03-09T13:30:00.000Z');
  });

  it('ignores pause time after the clock stopped', () => {
    const clock = computeSlaClock({
      ...base,
      stoppedAt: '2026-03-09T12:00:00Z',
      pauses: [{ from: '2026-03-09T11:30:00Z' }],
      now: '2026-03-10T12:00:00Z',
    });
    expect(clock.pausedMinutes).toBe(30);
    expect(clock.elapsedMinutes).toBe(90);
    expect(clock.state).toBe('met');
    expect(clock.paused).toBe(false);
  });

  it('handles pauses across the Paris spring-forward weekend', () => {
    // Friday 2026-03-27 15:00 CET, 8 h target: without pauses due Monday
    // 15:00 CEST. On hold Friday 16:00 CET → Monday 10:00 CEST pauses 1 h on
    // Friday and 1 h on Monday: due Monday 17:00 CEST = 15:00Z.
    const clock = computeSlaClock({
      targetMinutes: 480,
      calendar: PARIS_OFFICE,
      startedAt: '2026-03-27T15:00:00+01:00',
      pauses: [
        { from: '2026-03-27T16:00:00+01:00', to: '2026-03-30T10:00:00+02:00' },
      ],
      now: '2026-03-30T12:00:00+02:00',
    });
    expect(clock.pausedMinutes).toBe(120);
    expect(clock.dueAt).toBe('2026-03-30T15:00:00.000Z');
  });
});

describe('computeSlaClock properties', () => {
  const runs = { numRuns: 200 };
  const START = Date.UTC(2026, 0, 1);
  const DAY = 24 * 60;
  const iso = (ms: number) => new Date(ms).toISOString();
  const calendar = fc.constantFrom(OFFICE, PARIS_OFFICE, CALENDAR_24X7);
  /** A pause as minute offsets from the start; open when `length` is null. */
  const pauseOffsets = fc.record({
    offset: fc.integer({ min: -DAY, max: 20 * DAY }),
    length: fc.option(fc.integer({ min: 1, max: 5 * DAY }), { nil: undefined }),
  });
  const toPause = (
    startMs: number,
    p: { offset: number; length?: number },
  ) => ({
    from: iso(startMs + p.offset * 60_000),
    to:
      p.length === undefined
        ? undefined
        : iso(startMs + (p.offset + p.length) * 60_000),
  });
  const scenario = fc.record({
    calendar,
    startMinute: fc.integer({ min: 0, max: 365 * DAY }),
    targetMinutes: fc.integer({ min: 1, max: 5 * 8 * 60 }),
    pauses: fc.array(pauseOffsets, { maxLength: 3 }),
    nowMinute: fc.integer({ min: 0, max: 30 * DAY }),
  });

  it('adding a pause never makes the due time earlier', () => {
    fc.assert(
      fc.property(scenario, pauseOffsets, (s, extra) => {
        const startMs = START + s.startMinute * 60_000;
        const input: SlaClockInput = {
          targetMinutes: s.targetMinutes,
          calendar: s.calendar,
          startedAt: iso(startMs),
          pauses: s.pauses.map(p => toPause(startMs, p)),
          now: iso(startMs + s.nowMinute * 60_000),
        };
        const without = computeSlaClock(input);
        const withExtra = computeSlaClock({
          ...input,
          pauses: [...input.pauses!, toPause(startMs, extra)],
        });
        expect(Date.parse(withExtra.dueAt)).toBeGreaterThanOrEqual(
          Date.parse(without.dueAt),
        );
        expect(withExtra.elapsedMinutes).toBeLessThanOrEqual(
          without.elapsedMinutes,
        );
      }),
      runs,
    );
  });

  it('elapsed business time is monotonic in wall time', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 5 * DAY }),
        (s, later) => {
          const startMs = START + s.startMinute * 60_000;
          const input: SlaClockInput = {
            targetMinutes: s.targetMinutes,
            calendar: s.calendar,
            startedAt: iso(startMs),
            pauses: s.pauses.map(p => toPause(startMs, p)),
            now: iso(startMs + s.nowMinute * 60_000),
          };
          const before = computeSlaClock(input);
          const after = computeSlaClock({
            ...input,
            now: iso(startMs + (s.nowMinute + later) * 60_000),
          });
          expect(after.elapsedMinutes).toBeGreaterThanOrEqual(
            before.elapsedMinutes,
          );
        },
      ),
      runs,
    );
  });

  it('a 24×7 clock without pauses is due at start + target in UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * DAY }),
        fc.integer({ min: 1, max: 30 * DAY }),
        (startMinute, targetMinutes) => {
          const startMs = START + startMinute * 60_000;
          const clock = computeSlaClock({
            targetMinutes,
            calendar: CALENDAR_24X7,
            startedAt: iso(startMs),
            now: iso(startMs),
          });
          expect(clock.dueAt).toBe(iso(startMs + targetMinutes * 60_000));
        },
      ),
      runs,
    );
  });

  it('the clock is met exactly when stopped at or before the due time', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.integer({ min: 0, max: 10 * DAY }),
        (s, stopMinute) => {
          const startMs = START + s.startMinute * 60_000;
          const stoppedMs = startMs + stopMinute * 60_000;
          const clock = computeSlaClock({
            targetMinutes: s.targetMinutes,
            calendar: s.calendar,
            startedAt: iso(startMs),
            pauses: s.pauses.map(p => toPause(startMs, p)),
            stoppedAt: iso(stoppedMs),
            now: iso(stoppedMs),
          });
          expect(clock.state).toBe(
            stoppedMs <= Date.parse(clock.dueAt) ? 'met' : 'breached',
          );
          const met = clock.state === 'met';
          // met ⇒ within target; breached ⇒ target used up
          expect(
            met
              ? clock.elapsedMinutes <= s.targetMinutes
              : clock.elapsedMinutes >= s.targetMinutes,
          ).toBe(true);
        },
      ),
      runs,
    );
  });
});
