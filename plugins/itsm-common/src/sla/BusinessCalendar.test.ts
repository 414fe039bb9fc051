import fc from 'fast-check';
import {
  BusinessCalendar,
  CALENDAR_24X7,
  addBusinessTime,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingTime,
} from './BusinessCalendar';

/** Mon–Fri 09:00–17:00 UTC. */
const UTC_OFFICE: BusinessCalendar = {
  timezone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: [],
};

/** Same, with Monday 2026-03-09 off. */
const UTC_OFFICE_HOLIDAY: BusinessCalendar = {
  ...UTC_OFFICE,
  holidays: ['2026-03-09'],
};

/** Mon–Fri 09:00–17:00 in Paris (CET/CEST). */
const PARIS_OFFICE: BusinessCalendar = {
  timezone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: ['2026-05-01', '2026-12-25'],
};

/** Every day 09:00–17:00 in Paris: the DST Sundays are working days. */
const PARIS_7_DAYS: BusinessCalendar = {
  ...PARIS_OFFICE,
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  holidays: [],
};

/** Around the clock, but in a DST zone. */
const PARIS_24X7: BusinessCalendar = {
  timezone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  workingHours: { start: '00:00', end: '24:00' },
  holidays: [],
};

/** Evenings until midnight, every day. */
const UTC_EVENINGS: BusinessCalendar = {
  timezone: 'UTC',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  workingHours: { start: '18:00', end: '24:00' },
  holidays: [],
};

const calendars: Record<string, BusinessCalendar> = {
  UTC_OFFICE,
  UTC_OFFICE_HOLIDAY,
  PARIS_OFFICE,
  PARIS_7_DAYS,
  PARIS_24X7,
  UTC_EVENINGS,
  CALENDAR_24X7,
};

describe('addBusinessTime', () => {
  it.each`
    case                                        | calendar                | start                          | minutes  | due
    ${'inside one day'}                         | ${'UTC_OFFICE'}         | ${'2026-03-09T10:00:00Z'}      | ${60}    | ${'2026-03-09T11:00:00.000Z'}
    ${'ending exactly at closing time'}         | ${'UTC_OFFICE'}         | ${'2026-03-09T09:00:00Z'}      | ${480}   | ${'2026-03-09T17:00:00.000Z'}
    ${'starting exactly at closing time'}       | ${'UTC_OFFICE'}         | ${'2026-03-09T17:00:00Z'}      | ${30}    | ${'2026-03-10T09:30:00.000Z'}
    ${'weekend skip (Fri → Mon)'}               | ${'UTC_OFFICE'}         | ${'2026-03-06T16:00:00Z'}      | ${120}   | ${'2026-03-09T10:00:00.000Z'}
    ${'holiday skip (Fri → Tue)'}               | ${'UTC_OFFICE_HOLIDAY'} | ${'2026-03-06T16:00:00Z'}      | ${120}   | ${'2026-03-10T10:00:00.000Z'}
    ${'three business days'}                    | ${'UTC_OFFICE'}         | ${'2026-03-09T10:00:00Z'}      | ${1440}  | ${'2026-03-12T10:00:00.000Z'}
    ${'five business days over a weekend'}      | ${'UTC_OFFICE'}         | ${'2026-03-11T13:00:00Z'}      | ${2400}  | ${'2026-03-18T13:00:00.000Z'}
    ${'thirty business days'}                   | ${'UTC_OFFICE'}         | ${'2026-03-09T09:00:00Z'}      | ${14400} | ${'2026-04-17T17:00:00.000Z'}
    ${'start before opening'}                   | ${'UTC_OFFICE'}         | ${'2026-03-09T07:30:00Z'}      | ${60}    | ${'2026-03-09T10:00:00.000Z'}
    ${'start after closing'}                    | ${'UTC_OFFICE'}         | ${'2026-03-09T18:00:00Z'}      | ${60}    | ${'2026-03-10T10:00:00.000Z'}
    ${'start on a Saturday'}                    | ${'UTC_OFFICE'}         | ${'2026-03-07T12:00:00Z'}      | ${60}    | ${'2026-03-09T10:00:00.000Z'}
    ${'start with an offset'}                   | ${'UTC_OFFICE'}         | ${'2026-03-09T11:00:00+01:00'} | ${60}    | ${'2026-03-09T11:00:00.000Z'}
    ${'zero minutes outside hours'}             | ${'UTC_OFFICE'}         | ${'2026-03-07T12:00:00Z'}      | ${0}     | ${'2026-03-09T09:00:00.000Z'}
    ${'open until 24:00'}                       | ${'UTC_EVENINGS'}       | ${'2026-03-09T23:00:00Z'}      | ${120}   | ${'2026-03-10T19:00:00.000Z'}
    ${'Paris: weekend into summer time'}        | ${'PARIS_OFFICE'}       | ${'2026-03-27T16:00:00+01:00'} | ${120}   | ${'2026-03-30T08:00:00.000Z'}
    ${'Paris: weekend into winter time'}        | ${'PARIS_OFFICE'}       | ${'2026-10-23T16:00:00+02:00'} | ${120}   | ${'2026-10-26T09:00:00.000Z'}
    ${'Paris: Labour Day holiday'}              | ${'PARIS_OFFICE'}       | ${'2026-04-30T16:00:00+02:00'} | ${120}   | ${'2026-05-04T08:00:00.000Z'}
    ${'Paris: spring-forward day is 8 h'}       | ${'PARIS_7_DAYS'}       | ${'2026-03-29T09:00:00+02:00'} | ${480}   | ${'2026-03-29T15:00:00.000Z'}
    ${'Paris: into the spring-forward day'}     | ${'PARIS_7_DAYS'}       | ${'2026-03-28T16:00:00+01:00'} | ${120}   | ${'2026-03-29T08:00:00.000Z'}
    ${'Paris: fall-back day is 8 h'}            | ${'PARIS_7_DAYS'}       | ${'2026-10-25T09:00:00+01:00'} | ${480}   | ${'2026-10-25T16:00:00.000Z'}
    ${'Paris: into the fall-back day'}          | ${'PARIS_7_DAYS'}       | ${'2026-10-24T16:00:00+02:00'} | ${120}   | ${'2026-10-25T09:00:00.000Z'}
    ${'Paris 24×7: spring-forward day is 23 h'} | ${'PARIS_24X7'}         | ${'2026-03-29T00:00:00+01:00'} | ${1440}  | ${'2026-03-29T23:00:00.000Z'}
    ${'Paris 24×7: fall-back day is 25 h'}      | ${'PARIS_24X7'}         | ${'2026-10-25T00:00:00+02:00'} | ${1440}  | ${'2026-10-25T22:00:00.000Z'}
    ${'Paris 24×7: across the missing hour'}    | ${'PARIS_24X7'}         | ${'2026-03-29T01:30:00+01:00'} | ${60}    | ${'2026-03-29T01:30:00.000Z'}
    ${'Paris 24×7: across the repeated hour'}   | ${'PARIS_24X7'}         | ${'2026-10-25T02:30:00+02:00'} | ${60}    | ${'2026-10-25T01:30:00.000Z'}
    ${'24×7: a week'}                           | ${'CALENDAR_24X7'}      | ${'2026-03-06T16:00:00Z'}      | ${10080} | ${'2026-03-13T16:00:00.000Z'}
  `('$case', ({ calendar, start, minutes, due }) => {
    expect(addBusinessTime(start, minutes, calendars[calendar])).toBe(due);
  });

  it('rejects a negative duration and a bad timestamp', () => {
    expect(() =>
      addBusinessTime('2026-03-09T10:00:00Z', -1, UTC_OFFICE),
    ).toThrow(/not negative/);
    expect(() => addBusinessTime('yesterday', 10, UTC_OFFICE)).toThrow(
      /"yesterday" is not an ISO 8601 timestamp/,
    );
  });

  it('rejects a calendar that cannot be computed with', () => {
    expect(() =>
      addBusinessTime('2026-03-09T10:00:00Z', 10, {
        ...UTC_OFFICE,
        timezone: 'Mars/Olympus',
      }),
    ).toThrow(/"Mars\/Olympus" is not an IANA timezone/);
    expect(() =>
      addBusinessTime('2026-03-09T10:00:00Z', 10, {
        ...UTC_OFFICE,
        workingHours: { start: '17:00', end: '09:00' },
      }),
    ).toThrow(/start before end/);
  });

  it('gives up on a calendar that never works instead of looping', () => {
    const everyDayOff: BusinessCalendar = {
      ...UTC_OFFICE,
      workingDays: [1],
      holidays: [],
    };
    const mondays: string[] = [];
    for (let day = 0; day < 4000; day += 7) {
      mondays.push(
        new Date(Date.UTC(2026, 2, 9 + day)).toISOString().slice(0, 10),
      );
    }
    expect(() =>
      addBusinessTime('2026-03-09T10:00:00Z', 10, {
        ...everyDayOff,
        holidays: mondays,
      }),
    ).toThrow(/no working time/);
  });
});

describe('businessMinutesBetween', () => {
  it.each`
    case                                        | calendar                | from                           | to                             | minutes
    ${'within one day'}                         | ${'UTC_OFFICE'}         | ${'2026-03-09T10:00:00Z'}      | ${'2026-03-09T12:30:00Z'}      | ${150}
    ${'over a weekend'}                         | ${'UTC_OFFICE'}         | ${'2026-03-06T16:00:00Z'}      | ${'2026-03-09T10:00:00Z'}      | ${120}
    ${'over a holiday'}                         | ${'UTC_OFFICE_HOLIDAY'} | ${'2026-03-06T16:00:00Z'}      | ${'2026-03-10T10:00:00Z'}      | ${120}
    ${'entirely outside hours'}                 | ${'UTC_OFFICE'}         | ${'2026-03-09T17:00:00Z'}      | ${'2026-03-10T09:00:00Z'}      | ${0}
    ${'a full week'}                            | ${'UTC_OFFICE'}         | ${'2026-03-09T00:00:00Z'}      | ${'2026-03-16T00:00:00Z'}      | ${2400}
    ${'with seconds'}                           | ${'UTC_OFFICE'}         | ${'2026-03-09T10:00:00Z'}      | ${'2026-03-09T10:00:30Z'}      | ${0.5}
    ${'reversed range'}                         | ${'UTC_OFFICE'}         | ${'2026-03-09T12:00:00Z'}      | ${'2026-03-09T10:00:00Z'}      | ${0}
    ${'Paris: spring-forward day is 8 h'}       | ${'PARIS_7_DAYS'}       | ${'2026-03-29T00:00:00+01:00'} | ${'2026-03-30T00:00:00+02:00'} | ${480}
    ${'Paris: fall-back day is 8 h'}            | ${'PARIS_7_DAYS'}       | ${'2026-10-25T00:00:00+02:00'} | ${'2026-10-26T00:00:00+01:00'} | ${480}
    ${'Paris 24×7: spring-forward day is 23 h'} | ${'PARIS_24X7'}         | ${'2026-03-29T00:00:00+01:00'} | ${'2026-03-30T00:00:00+02:00'} | ${1380}
    ${'Paris 24×7: fall-back day is 25 h'}      | ${'PARIS_24X7'}         | ${'2026-10-25T00:00:00+02:00'} | ${'2026-10-26T00:00:00+01:00'} | ${1500}
    ${'until 24:00'}                            | ${'UTC_EVENINGS'}       | ${'2026-03-09T12:00:00Z'}      | ${'2026-03-10T12:00:00Z'}      | ${360}
  `('$case', ({ calendar, from, to, minutes }) => {
    expect(businessMinutesBetween(from, to, calendars[calendar])).toBe(minutes);
  });
});

describe('isWorkingTime and nextWorkingTime', () => {
  it.each`
    at                        | working  | next
    ${'2026-03-09T09:00:00Z'} | ${true}  | ${'2026-03-09T09:00:00.000Z'}
    ${'2026-03-09T16:59:00Z'} | ${true}  | ${'2026-03-09T16:59:00.000Z'}
    ${'2026-03-09T17:00:00Z'} | ${false} | ${'2026-03-10T09:00:00.000Z'}
    ${'2026-03-07T12:00:00Z'} | ${false} | ${'2026-03-09T09:00:00.000Z'}
  `('$at', ({ at, working, next }) => {
    expect(isWorkingTime(at, UTC_OFFICE)).toBe(working);
    expect(nextWorkingTime(at, UTC_OFFICE)).toBe(next);
  });
});

describe('properties', () => {
  const runs = { numRuns: 200 };
  const FROM_2026 = Date.UTC(2026, 0, 1);
  const TO_2027 = Date.UTC(2027, 0, 1);
  /** Whole minutes through 2026, so DST days and holidays come up. */
  const instant = fc
    .integer({ min: FROM_2026 / 60_000, max: TO_2027 / 60_000 })
    .map(minute => minute * 60_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const anyCalendar = fc.constantFrom(
    UTC_OFFICE,
    UTC_OFFICE_HOLIDAY,
    PARIS_OFFICE,
    PARIS_7_DAYS,
    PARIS_24X7,
    UTC_EVENINGS,
    CALENDAR_24X7,
  );

  it('businessMinutesBetween is monotonic in the end time', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        instant,
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        fc.integer({ min: 0, max: 5 * 24 * 60 }),
        (calendar, from, toOffset, extra) => {
          const to = from + toOffset * 60_000;
          const later = to + extra * 60_000;
          expect(
            businessMinutesBetween(iso(from), iso(to), calendar),
          ).toBeLessThanOrEqual(
            businessMinutesBetween(iso(from), iso(later), calendar),
          );
        },
      ),
      runs,
    );
  });

  it('a 24×7 calendar is wall-clock arithmetic, in UTC or in a DST zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(CALENDAR_24X7, PARIS_24X7),
        instant,
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        (calendar, start, minutes) => {
          const end = start + minutes * 60_000;
          expect(addBusinessTime(iso(start), minutes, calendar)).toBe(iso(end));
          expect(businessMinutesBetween(iso(start), iso(end), calendar)).toBe(
            minutes,
          );
        },
      ),
      runs,
    );
  });

  it('addBusinessTime then businessMinutesBetween round-trips from working time', () => {
    fc.assert(
      fc.property(
        anyCalendar,
        instant,
        fc.integer({ min: 0, max: 30 * 8 * 60 }),
        (calendar, someInstant, minutes) => {
          const start = nextWorkingTime(iso(someInstant), calendar);
          expect(isWorkingTime(start, calendar)).toBe(true);
          const due = addBusinessTime(start, minutes, calendar);
          expect(businessMinutesBetween(start, due, calendar)).toBe(minutes);
        },
      ),
      runs,
    );
  });
});
