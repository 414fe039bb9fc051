import {
  isoWeekOf,
  kpiContributions,
  kpiDayOf,
  kpiValuesOf,
} from './KpiContributions';

const MIN = 60_000;

describe('kpiContributions', () => {
  it('counts a new incident as opened on its detection day only', () => {
    expect(
      kpiContributions({
        status: 'new',
        detectedAt: '2026-03-02T23:30:00.000Z',
        reopenCount: 0,
        responseDueAt: '2026-03-03T00:15:00.000Z',
      }),
    ).toEqual([{ day: '2026-03-02', measures: { opened: 1 } }]);
  });

  it.each([
    // [business ms the resolution clock counted, bucket]
    [0, 'ttrb0'],
    [4 * MIN, 'ttrb1'],
    [9 * 60 * MIN, 'ttrb8'], // [480, 720) min
    [90 * 24 * 60 * MIN, 'ttrb16'],
  ])(
    'counts business time to resolve %p ms in bucket %s, on the resolution day',
    (business, bucket) => {
      const [, , resolved] = kpiContributions({
        status: 'resolved',
        detectedAt: '2026-03-02T23:30:00.000Z',
        acknowledgedAt: '2026-03-02T23:50:00.000Z',
        resolvedAt: '2026-03-04T01:30:00.000Z',
        reopenCount: 0,
        responseDueAt: '2026-03-03T00:00:00.000Z',
        resolutionBusinessMs: business,
      });
      expect(resolved.day).toBe('2026-03-04');
      expect(resolved.measures).toMatchObject({
        resolved: 1,
        resolvedBusiness: 1,
        [bucket]: 1,
      });
      expect(resolved.measures.ttrBusinessSumMs ?? 0).toBe(business);
    },
  );

  it('leaves business time out while unresolved, or without a clock', () => {
    const open = kpiContributions({
      status: 'in_progress',
      detectedAt: '2026-03-02T23:30:00.000Z',
      reopenCount: 1,
      resolutionBusinessMs: 60 * MIN, // stale: a reopen clears it
    });
    const noClock = kpiContributions({
      status: 'resolved',
      detectedAt: '2026-03-02T23:30:00.000Z',
      resolvedAt: '2026-03-02T23:45:00.000Z',
      reopenCount: 0,
    });
    for (const { measures } of [...open, ...noClock]) {
      expect(measures.resolvedBusiness).toBeUndefined();
    }
    expect(
      kpiValuesOf({ resolved: 1, ttrSumMs: MIN, ttr1: 1 }).mttrBusiness,
    ).toEqual({ count: 0, meanMs: null, medianMs: null, p90Ms: null });
  });

  it('puts each measure on the day of its event', () => {
    expect(
      kpiContributions({
        status: 'resolved',
        detectedAt: '2026-03-02T23:30:00.000Z',
        acknowledgedAt: '2026-03-02T23:50:00.000Z', // 20 min: bucket [15, 30)
        resolvedAt: '2026-03-04T01:30:00.000Z', // 26 h: bucket [1440, 2880)
        reopenCount: 0,
        resolutionCode: 'workaround',
        causedByChangeId: 'chg-1',
        responseDueAt: '2026-03-03T00:00:00.000Z', // met
        resolutionDueAt: '2026-03-03T23:30:00.000Z', // breached
        pauses: [
          { from: '2026-03-03T10:00:00.000Z', to: '2026-03-03T12:00:00.000Z' },
        ],
      }),
    ).toEqual([
      {
        day: '2026-03-02',
        measures: {
          opened: 1,
          causedByChange: 1,
          acknowledged: 1,
          ttaSumMs: 20 * MIN,
          tta3: 1,
        },
      },
      {
        day: '2026-03-03',
        measures: { responseMet: 1, resolutionBreached: 1 },
      },
      {
        day: '2026-03-04',
        measures: {
          resolved: 1,
          ttrSumMs: 26 * 60 * MIN,
          ttrActiveSumMs: 24 * 60 * MIN,
          ttr10: 1,
          resolvedWorkaround: 1,
        },
      },
    ]);
  });

  it('counts a reopened incident once resolved again, as reopened', () => {
    const reopened = {
      status: 'in_progress',
      detectedAt: '2026-03-02T09:00:00.000Z',
      acknowledgedAt: '2026-03-02T09:04:00.000Z',
      resolvedAt: null,
      reopenCount: 1,
    };
    expect(kpiContributions(reopened)).toEqual([
      {
        day: '2026-03-02',
        measures: { opened: 1, acknowledged: 1, ttaSumMs: 4 * MIN, tta1: 1 },
      },
    ]);
    expect(
      kpiContributions({
        ...reopened,
        status: 'resolved',
        resolvedAt: '2026-03-05T09:00:00.000Z',
      })[1],
    ).toEqual({
      day: '2026-03-05',
      measures: {
        resolved: 1,
        ttrSumMs: 3 * 24 * 60 * MIN,
        ttrActiveSumMs: 3 * 24 * 60 * MIN,
        ttr12: 1,
        resolvedReopened: 1,
      },
    });
  });

  it('gives cancelled incidents no SLA outcome', () => {
    expect(
      kpiContributions({
        status: 'cancelled',
        detectedAt: '2026-03-02T09:00:00.000Z',
        acknowledgedAt: '2026-03-02T09:30:00.000Z',
        reopenCount: 0,
        responseDueAt: '2026-03-02T09:15:00.000Z',
      }).flatMap(c => Object.keys(c.measures)),
    ).toEqual(['opened', 'acknowledged', 'ttaSumMs', 'tta4']);
  });

  it('counts a clock an ended incident never stopped as unstopped', () => {
    expect(
      kpiContributions({
        status: 'closed',
        detectedAt: '2026-03-02T09:00:00.000Z',
        resolvedAt: '2026-03-02T10:00:00.000Z',
        reopenCount: 0,
        responseDueAt: '2026-03-02T09:15:00.000Z',
        resolutionDueAt: '2026-03-03T09:00:00.000Z',
      }),
    ).toEqual([
      {
        day: '2026-03-02',
        measures: expect.objectContaining({ opened: 1, responseUnstopped: 1 }),
      },
      { day: '2026-03-03', measures: { resolutionMet: 1 } },
    ]);
  });

  it.each([
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'],
    ['2027-01-01', '2026-W53'],
    ['2026-03-02', '2026-W10'],
  ])('isoWeekOf(%s) = %s', (day, week) => {
    expect(isoWeekOf(day)).toBe(week);
  });

  it('reads days in UTC', () => {
    expect(kpiDayOf('2026-03-02T23:59:59.999-01:00')).toBe('2026-03-03');
  });
});
