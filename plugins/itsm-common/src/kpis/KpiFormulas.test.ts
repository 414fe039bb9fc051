import fc from 'fast-check';
import {
  backlogAgeBucket,
  changeFailureRate,
  durationBucket,
  durationStats,
  histogramPercentile,
  histogramStats,
  KPI_DURATION_BUCKETS_MINUTES,
  percentile,
  reopenRate,
  slaCompliance,
  slaOutcome,
  timeToAcknowledgeMs,
  timeToResolveMs,
} from './KpiFormulas';

const MIN = 60_000;
const T0 = '2026-03-02T09:00:00.000Z';

describe('timeToAcknowledgeMs', () => {
  it.each([
    ['acknowledged 12 min later', '2026-03-02T09:12:00.000Z', 12 * MIN],
    ['acknowledged at detection', T0, 0],
    ['not acknowledged', undefined, undefined],
    [
      'acknowledged before detection (clock skew) is 0',
      '2026-03-02T08:59:00.000Z',
      0,
    ],
  ])('%s', (_, acknowledgedAt, expected) => {
    expect(timeToAcknowledgeMs({ detectedAt: T0, acknowledgedAt })).toBe(
      expected,
    );
  });
});

describe('timeToResolveMs', () => {
  it.each([
    {
      name: 'resolved 2 h later, no hold',
      resolvedAt: '2026-03-02T11:00:00.000Z',
      pauses: [],
      wall: 120 * MIN,
      active: 120 * MIN,
    },
    {
      name: 'on hold 30 min inside the span',
      resolvedAt: '2026-03-02T11:00:00.000Z',
      pauses: [
        { from: '2026-03-02T09:30:00.000Z', to: '2026-03-02T10:00:00.000Z' },
      ],
      wall: 120 * MIN,
      active: 90 * MIN,
    },
    {
      name: 'two holds, one still open at resolution (counts to resolution)',
      resolvedAt: '2026-03-02T11:00:00.000Z',
      pauses: [
        { from: '2026-03-02T09:10:00.000Z', to: '2026-03-02T09:20:00.000Z' },
        { from: '2026-03-02T10:40:00.000Z' },
      ],
      wall: 120 * MIN,
      active: 90 * MIN,
    },
    {
      name: 'hold begun before detection is clipped',
      resolvedAt: '2026-03-02T10:00:00.000Z',
      pauses: [
        { from: '2026-03-02T08:00:00.000Z', to: '2026-03-02T09:15:00.000Z' },
      ],
      wall: 60 * MIN,
      active: 45 * MIN,
    },
    {
      // detected 09:00, resolved 10:00, reopened (resolvedAt cleared), on hold
      // 11:00–12:00, resolved again 13:00: the whole span counts.
      name: 'reopened and resolved again: detection to the last resolution',
      resolvedAt: '2026-03-02T13:00:00.000Z',
      pauses: [
        { from: '2026-03-02T11:00:00.000Z', to: '2026-03-02T12:00:00.000Z' },
      ],
      wall: 240 * MIN,
      active: 180 * MIN,
    },
  ])('$name', ({ resolvedAt, pauses, wall, active }) => {
    const incident = { detectedAt: T0, resolvedAt, pauses };
    expect(timeToResolveMs(incident)).toBe(wall);
    expect(timeToResolveMs(incident, { excludePauses: true })).toBe(active);
  });

  it('is undefined while unresolved (e.g. after a reopen)', () => {
    expect(timeToResolveMs({ detectedAt: T0, resolvedAt: null })).toBe(
      undefined,
    );
  });
});

describe('durationStats', () => {
  it.each([
    { values: [], count: 0, mean: null, median: null, p90: null },
    { values: [5], count: 1, mean: 5, median: 5, p90: 5 },
    // sorted 10 20 30 40: median rank ceil(2)=2 → 20; p90 rank ceil(3.6)=4 → 40
    { values: [40, 10, 30, 20], count: 4, mean: 25, median: 20, p90: 40 },
    // 1..10: median rank 5 → 5; p90 rank 9 → 9
    {
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      count: 10,
      mean: 5.5,
      median: 5,
      p90: 9,
    },
  ])('$values', ({ values, count, mean, median, p90 }) => {
    expect(durationStats(values)).toEqual({
      count,
      meanMs: mean,
      medianMs: median,
      p90Ms: p90,
    });
  });
});

describe('histograms', () => {
  it.each([
    [0, 0],
    [59_999, 0],
    [MIN, 1],
    [14 * MIN, 2],
    [15 * MIN, 3],
    [24 * 60 * MIN, 10],
    [365 * 24 * 60 * MIN, KPI_DURATION_BUCKETS_MINUTES.length - 1],
  ])('durationBucket(%d) = %d', (duration, bucket) => {
    expect(durationBucket(duration)).toBe(bucket);
  });

  it('interpolates inside the bucket of the nearest rank', () => {
    // 4 durations in [5, 15) min: the median is rank 2 of 4 → 5 + 10·2/4 = 10 min
    const counts = KPI_DURATION_BUCKETS_MINUTES.map((_, i) =>
      i === 2 ? 4 : 0,
    );
    expect(histogramPercentile(counts, 0.5)).toBe(10 * MIN);
    expect(histogramPercentile(counts, 0.9)).toBe(15 * MIN);
    expect(histogramStats(4, 40 * MIN, counts)).toEqual({
      count: 4,
      meanMs: 10 * MIN,
      medianMs: 10 * MIN,
      p90Ms: 15 * MIN,
    });
    expect(histogramStats(0, 0, counts).medianMs).toBeNull();
  });

  it('estimates a percentile within the bucket of the exact one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 40_000 * MIN }), { minLength: 1 }),
        fc.constantFrom(0.5, 0.9),
        (values, p) => {
          const counts = KPI_DURATION_BUCKETS_MINUTES.map(() => 0);
          for (const v of values) counts[durationBucket(v)]++;
          const exact = percentile(values, p)!;
          const estimate = histogramPercentile(counts, p)!;
          const bucket = durationBucket(exact);
          const lo =
            bucket === 0 ? 0 : KPI_DURATION_BUCKETS_MINUTES[bucket - 1];
          const hi = KPI_DURATION_BUCKETS_MINUTES[bucket];
          return estimate >= lo * MIN && estimate <= hi * MIN;
        },
      ),
    );
  });
});

describe('ratios', () => {
  it.each([
    ['reopen rate, 1 of 4 resolved had been reopened', reopenRate(4, 1), 0.25],
    ['reopen rate with nothing resolved', reopenRate(0, 0), null],
    ['compliance 3 met, 1 breached', slaCompliance(3, 1), 0.75],
    ['compliance with no targets', slaCompliance(0, 0), null],
    ['change failure rate 2 of 8', changeFailureRate(8, 2), 0.25],
    ['change failure rate without changes', changeFailureRate(0, 0), null],
  ])('%s', (_, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('slaOutcome', () => {
  const due = '2026-03-02T10:00:00.000Z';
  const now = '2026-03-02T12:00:00.000Z';
  it.each([
    ['stopped before due', '2026-03-02T09:30:00.000Z', 'resolved', 'met'],
    ['stopped exactly at due', due, 'resolved', 'met'],
    ['stopped after due', '2026-03-02T10:01:00.000Z', 'resolved', 'breached'],
    ['running past due', undefined, 'in_progress', 'breached'],
    ['paused past due', undefined, 'on_hold', 'pending'],
    ['cancelled', '2026-03-02T09:30:00.000Z', 'cancelled', undefined],
  ])('%s', (_, stoppedAt, status, expected) => {
    expect(slaOutcome({ dueAt: due, stoppedAt, status, now })).toBe(expected);
  });

  it('is pending while running before due', () => {
    expect(
      slaOutcome({ dueAt: now, status: 'new', now: due, stoppedAt: null }),
    ).toBe('pending');
  });
});

describe('backlogAgeBucket', () => {
  const now = '2026-03-31T00:00:00.000Z';
  it.each([
    ['2026-03-30T12:00:00.000Z', 'lt1d'],
    ['2026-03-30T00:00:00.000Z', '1to3d'],
    ['2026-03-25T00:00:00.000Z', '3to7d'],
    ['2026-03-24T00:00:00.000Z', '7to30d'],
    ['2026-03-01T00:00:00.000Z', 'gt30d'],
  ])('detected %s → %s', (detectedAt, bucket) => {
    expect(backlogAgeBucket(detectedAt, now)).toBe(bucket);
  });
});
