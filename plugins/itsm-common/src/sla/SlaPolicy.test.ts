import { CALENDAR_24X7, DEFAULT_BUSINESS_CALENDAR } from './BusinessCalendar';
import {
  DEFAULT_SLA_CONFIG,
  parseSlaConfig,
  resolveSlaTargets,
} from './SlaPolicy';

const PARIS = {
  timezone: 'Europe/Paris',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '18:00' },
  holidays: ['2026-12-25'],
};

const DEFAULT_POLICY = {
  calendar: 'business',
  targets: {
    P1: { responseMinutes: 15, resolutionMinutes: 240, calendar: '24x7' },
    P2: { responseMinutes: 30, resolutionMinutes: 480, calendar: '24x7' },
    P3: { responseMinutes: 240, resolutionMinutes: 1620 },
    P4: { responseMinutes: 540, resolutionMinutes: 2700 },
    P5: { responseMinutes: 1080, resolutionMinutes: 5400 },
  },
};

/** The example from the parseSlaConfig documentation, Paris flavoured. */
const EXAMPLE = {
  warningPercent: 80,
  calendars: { business: PARIS },
  policies: {
    default: DEFAULT_POLICY,
    gold: {
      calendar: '24x7',
      targets: { P3: { resolutionMinutes: 480 } },
    },
    platinum: { extends: 'gold', targets: { P1: { responseMinutes: 5 } } },
    bronze: { calendar: 'business' },
    silver: { targets: { P2: { calendar: 'business' } } },
  },
};

describe('DEFAULT_SLA_CONFIG', () => {
  it('is what an absent itsm.sla gives', () => {
    expect(parseSlaConfig(undefined)).toBe(DEFAULT_SLA_CONFIG);
    expect(parseSlaConfig(null)).toBe(DEFAULT_SLA_CONFIG);
  });

  it.each`
    priority | response | resolution | calendar
    ${'P1'}  | ${15}    | ${240}     | ${'24x7'}
    ${'P2'}  | ${30}    | ${480}     | ${'24x7'}
    ${'P3'}  | ${240}   | ${1440}    | ${'business'}
    ${'P4'}  | ${480}   | ${2400}    | ${'business'}
    ${'P5'}  | ${960}   | ${4800}    | ${'business'}
  `(
    '$priority: $response / $resolution minutes on $calendar',
    ({ priority, response, resolution, calendar }) => {
      const targets = resolveSlaTargets(DEFAULT_SLA_CONFIG, priority);
      expect(targets.policy).toBe('default');
      expect(targets.response.minutes).toBe(response);
      expect(targets.resolution.minutes).toBe(resolution);
      expect(targets.response.calendarName).toBe(calendar);
      expect(targets.resolution.calendar).toBe(
        calendar === '24x7' ? CALENDAR_24X7 : DEFAULT_BUSINESS_CALENDAR,
      );
    },
  );

  it('keeps the default policies when only calendars are configured', () => {
    const config = parseSlaConfig({ calendars: { business: PARIS } });
    expect(config.policies).toBe(DEFAULT_SLA_CONFIG.policies);
    expect(resolveSlaTargets(config, 'P3').resolution.calendar.timezone).toBe(
      'Europe/Paris',
    );
  });
});

describe('parseSlaConfig and resolveSlaTargets', () => {
  const config = parseSlaConfig(EXAMPLE);

  it('parses calendars and fills their optional fields', () => {
    expect(config.warningPercent).toBe(80);
    expect(config.calendars.business).toEqual(PARIS);
    expect(config.calendars['24x7']).toBe(CALENDAR_24X7);
    expect(
      parseSlaConfig({ calendars: { lyon: { timezone: 'Europe/Paris' } } })
        .calendars.lyon,
    ).toEqual({
      timezone: 'Europe/Paris',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:00', end: '17:00' },
      holidays: [],
    });
  });

  it.each`
    tier              | priority | policy        | response | resolution | calendar
    ${undefined}      | ${'P1'}  | ${'default'}  | ${15}    | ${240}     | ${'24x7'}
    ${undefined}      | ${'P3'}  | ${'default'}  | ${240}   | ${1620}    | ${'business'}
    ${'unknown-tier'} | ${'P3'}  | ${'default'}  | ${240}   | ${1620}    | ${'business'}
    ${'toString'}     | ${'P3'}  | ${'default'}  | ${240}   | ${1620}    | ${'business'}
    ${'gold'}         | ${'P1'}  | ${'gold'}     | ${15}    | ${240}     | ${'24x7'}
    ${'gold'}         | ${'P3'}  | ${'gold'}     | ${240}   | ${480}     | ${'24x7'}
    ${'gold'}         | ${'P5'}  | ${'gold'}     | ${1080}  | ${5400}    | ${'24x7'}
    ${'platinum'}     | ${'P1'}  | ${'platinum'} | ${5}     | ${240}     | ${'24x7'}
    ${'platinum'}     | ${'P3'}  | ${'platinum'} | ${240}   | ${480}     | ${'24x7'}
    ${'bronze'}       | ${'P1'}  | ${'bronze'}   | ${15}    | ${240}     | ${'business'}
    ${'silver'}       | ${'P1'}  | ${'silver'}   | ${15}    | ${240}     | ${'24x7'}
    ${'silver'}       | ${'P2'}  | ${'silver'}   | ${30}    | ${480}     | ${'business'}
    ${'silver'}       | ${'P4'}  | ${'silver'}   | ${540}   | ${2700}    | ${'business'}
  `(
    'tier $tier, $priority → $policy: $response / $resolution on $calendar',
    ({ tier, priority, policy, response, resolution, calendar }) => {
      const targets = resolveSlaTargets(config, priority, tier);
      expect(targets).toEqual({
        policy,
        response: {
          minutes: response,
          calendarName: calendar,
          calendar: config.calendars[calendar],
        },
        resolution: {
          minutes: resolution,
          calendarName: calendar,
          calendar: config.calendars[calendar],
        },
      });
    },
  );
});

describe('parseSlaConfig errors name the key', () => {
  const withCalendar = (calendar: unknown) => ({
    calendars: { business: calendar },
  });
  const withDefault = (policy: unknown) => ({
    policies: { default: policy },
  });
  const withTier = (tier: unknown) => ({
    policies: { default: DEFAULT_POLICY, gold: tier },
  });
  const withTarget = (target: unknown) =>
    withDefault({
      ...DEFAULT_POLICY,
      targets: { ...DEFAULT_POLICY.targets, P1: target },
    });

  it.each`
    case                           | input                                                                             | message
    ${'not an object'}             | ${'fast'}                                                                         | ${'itsm.sla must be an object with warningPercent, calendars and policies, got "fast"'}
    ${'unknown top-level key'}     | ${{ calendar: {} }}                                                               | ${'itsm.sla.calendar is not a known key; use warningPercent, calendars, policies'}
    ${'warning percent'}           | ${{ warningPercent: 120 }}                                                        | ${'itsm.sla.warningPercent must be a number above 0 and at most 100, got 120'}
    ${'calendars not an object'}   | ${{ calendars: [] }}                                                              | ${'itsm.sla.calendars must be an object keyed by calendar name, got []'}
    ${'reserved calendar name'}    | ${{ calendars: { '24x7': PARIS } }}                                               | ${'itsm.sla.calendars.24x7 is reserved for a built-in calendar; choose another name'}
    ${'missing timezone'}          | ${withCalendar({ workingDays: [1] })}                                             | ${'itsm.sla.calendars.business.timezone must be an IANA timezone such as Europe/Paris or UTC, got nothing'}
    ${'bad timezone'}              | ${withCalendar({ ...PARIS, timezone: 'Europe/Lutece' })}                          | ${'itsm.sla.calendars.business.timezone must be an IANA timezone such as Europe/Paris or UTC, got "Europe/Lutece"'}
    ${'unknown calendar key'}      | ${withCalendar({ ...PARIS, holiday: [] })}                                        | ${'itsm.sla.calendars.business.holiday is not a known key; use timezone, workingDays, workingHours, holidays'}
    ${'empty working days'}        | ${withCalendar({ ...PARIS, workingDays: [] })}                                    | ${'itsm.sla.calendars.business.workingDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday), got []'}
    ${'working day 0'}             | ${withCalendar({ ...PARIS, workingDays: [0, 1] })}                                | ${'itsm.sla.calendars.business.workingDays must be a non-empty list of weekdays from 1 (Monday) to 7 (Sunday), got [0,1]'}
    ${'bad start'}                 | ${withCalendar({ ...PARIS, workingHours: { start: '9am', end: '17:00' } })}       | ${'itsm.sla.calendars.business.workingHours.start must be a \'HH:mm\' time from 00:00 to 23:59, got "9am"'}
    ${'start 24:00'}               | ${withCalendar({ ...PARIS, workingHours: { start: '24:00', end: '24:00' } })}     | ${'itsm.sla.calendars.business.workingHours.start must be a \'HH:mm\' time from 00:00 to 23:59, got "24:00"'}
    ${'bad end'}                   | ${withCalendar({ ...PARIS, workingHours: { start: '09:00', end: '25:00' } })}     | ${'itsm.sla.calendars.business.workingHours.end must be a \'HH:mm\' time from 00:01 to 24:00, got "25:00"'}
    ${'end as a number'}           | ${withCalendar({ ...PARIS, workingHours: { start: '09:00', end: 1020 } })}        | ${"itsm.sla.calendars.business.workingHours.end must be a 'HH:mm' time from 00:01 to 24:00, got 1020"}
    ${'start after end'}           | ${withCalendar({ ...PARIS, workingHours: { start: '18:00', end: '09:00' } })}     | ${'itsm.sla.calendars.business.workingHours.start (18:00) must be before itsm.sla.calendars.business.workingHours.end (09:00)'}
    ${'start equals end'}          | ${withCalendar({ ...PARIS, workingHours: { start: '09:00', end: '09:00' } })}     | ${'itsm.sla.calendars.business.workingHours.start (09:00) must be before itsm.sla.calendars.business.workingHours.end (09:00)'}
    ${'holidays not a list'}       | ${withCalendar({ ...PARIS, holidays: '2026-12-25' })}                             | ${'itsm.sla.calendars.business.holidays must be a list of \'YYYY-MM-DD\' dates, got "2026-12-25"'}
    ${'bad holiday format'}        | ${withCalendar({ ...PARIS, holidays: ['2026-12-25', '25/12/2026'] })}             | ${'itsm.sla.calendars.business.holidays[1] must be a \'YYYY-MM-DD\' date, got "25/12/2026"'}
    ${'impossible holiday'}        | ${withCalendar({ ...PARIS, holidays: ['2026-02-30'] })}                           | ${'itsm.sla.calendars.business.holidays[0] must be a \'YYYY-MM-DD\' date, got "2026-02-30"'}
    ${'policies not an object'}    | ${{ policies: 'gold' }}                                                           | ${'itsm.sla.policies must be an object keyed by policy name (default and tiers), got "gold"'}
    ${'no default policy'}         | ${{ policies: { gold: { calendar: '24x7' } } }}                                   | ${'itsm.sla.policies.default is missing; it applies to services without an openitsm.io/sla-tier annotation'}
    ${'default without targets'}   | ${withDefault({ calendar: 'business' })}                                          | ${'itsm.sla.policies.default.targets must be an object keyed by priority (P1, P2, P3, P4, P5), got nothing'}
    ${'default missing P5'}        | ${withDefault({ targets: { ...DEFAULT_POLICY.targets, P5: undefined } })}         | ${'itsm.sla.policies.default.targets.P5 must be an object with responseMinutes, resolutionMinutes and optionally calendar, got nothing'}
    ${'default with only P1'}      | ${withDefault({ targets: { P1: DEFAULT_POLICY.targets.P1 } })}                    | ${'itsm.sla.policies.default.targets.P2 is missing; the default policy needs targets for P1, P2, P3, P4, P5'}
    ${'default extends'}           | ${withDefault({ ...DEFAULT_POLICY, extends: 'gold' })}                            | ${'itsm.sla.policies.default.extends is not a known key; use calendar, targets'}
    ${'unknown priority'}          | ${withDefault({ targets: { ...DEFAULT_POLICY.targets, P6: {} } })}                | ${'itsm.sla.policies.default.targets.P6 is not a priority; use P1, P2, P3, P4, P5'}
    ${'missing response minutes'}  | ${withTarget({ resolutionMinutes: 240 })}                                         | ${'itsm.sla.policies.default.targets.P1.responseMinutes must be a positive number, got nothing'}
    ${'zero response minutes'}     | ${withTarget({ responseMinutes: 0, resolutionMinutes: 240 })}                     | ${'itsm.sla.policies.default.targets.P1.responseMinutes must be a positive number, got 0'}
    ${'negative resolution'}       | ${withTarget({ responseMinutes: 15, resolutionMinutes: -5 })}                     | ${'itsm.sla.policies.default.targets.P1.resolutionMinutes must be a positive number, got -5'}
    ${'minutes as a string'}       | ${withTarget({ responseMinutes: '15', resolutionMinutes: 240 })}                  | ${'itsm.sla.policies.default.targets.P1.responseMinutes must be a positive number, got "15"'}
    ${'unknown target key'}        | ${withTarget({ responseMinutes: 15, resolutionMinutes: 240, calender: 'x' })}     | ${'itsm.sla.policies.default.targets.P1.calender is not a known key; use responseMinutes, resolutionMinutes, calendar'}
    ${'unknown target calendar'}   | ${withTarget({ responseMinutes: 15, resolutionMinutes: 240, calendar: 'night' })} | ${'itsm.sla.policies.default.targets.P1.calendar references unknown calendar "night"; known calendars: 24x7, business'}
    ${'unknown policy calendar'}   | ${withDefault({ ...DEFAULT_POLICY, calendar: '9to5' })}                           | ${'itsm.sla.policies.default.calendar references unknown calendar "9to5"; known calendars: 24x7, business'}
    ${'tier not an object'}        | ${withTier('24x7')}                                                               | ${'itsm.sla.policies.gold must be an object with calendar and targets, got "24x7"'}
    ${'tier zero minutes'}         | ${withTier({ targets: { P2: { resolutionMinutes: 0 } } })}                        | ${'itsm.sla.policies.gold.targets.P2.resolutionMinutes must be a positive number, got 0'}
    ${'tier extends unknown tier'} | ${withTier({ extends: 'platinum' })}                                              | ${'itsm.sla.policies.gold.extends references unknown policy (tier) "platinum"; known policies: default, gold'}
    ${'tier extends toString'}     | ${withTier({ extends: 'toString' })}                                              | ${'itsm.sla.policies.gold.extends references unknown policy (tier) "toString"; known policies: default, gold'}
    ${'calendar named toString'}   | ${withTier({ calendar: 'toString' })}                                             | ${'itsm.sla.policies.gold.calendar references unknown calendar "toString"; known calendars: 24x7, business'}
    ${'tier extends a number'}     | ${withTier({ extends: 3 })}                                                       | ${'itsm.sla.policies.gold.extends must be the name of another policy, got 3'}
  `('$case', ({ input, message }) => {
    expect(() => parseSlaConfig(input)).toThrow(message);
  });

  it('names a cycle of tiers', () => {
    expect(() =>
      parseSlaConfig({
        policies: {
          default: DEFAULT_POLICY,
          gold: { extends: 'silver' },
          silver: { extends: 'gold' },
        },
      }),
    ).toThrow(
      'itsm.sla.policies.gold.extends forms a cycle: gold → silver → gold',
    );
  });

  it('uses the key prefix it is given', () => {
    expect(() => parseSlaConfig({ warningPercent: 0 }, 'app.itsm.sla')).toThrow(
      /^app\.itsm\.sla\.warningPercent must be/,
    );
  });
});

describe('default calendars of a configured policy', () => {
  it('keeps P1 and P2 on 24x7 and the rest on business hours unless set', () => {
    const targets = Object.fromEntries(
      ['P1', 'P2', 'P3', 'P4', 'P5'].map(p => [
        p,
        { responseMinutes: 60, resolutionMinutes: 600 },
      ]),
    );
    const config = parseSlaConfig({ policies: { default: { targets } } });
    expect(
      ['P1', 'P2', 'P3', 'P4', 'P5'].map(
        p => resolveSlaTargets(config, p as any).resolution.calendarName,
      ),
    ).toEqual(['24x7', '24x7', 'business', 'business', 'business']);
  });
});
