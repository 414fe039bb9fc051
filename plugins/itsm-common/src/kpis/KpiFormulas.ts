import { SlaPause } from '../sla/SlaPause';

/**
 * KPI formulas, once for the backend's rollups and reports and for the
 * frontend. Durations are milliseconds; times are ISO 8601 strings.
 */

const MINUTE = 60_000;
const DAY_MS = 24 * 60 * MINUTE;

/**
 * Upper bounds (exclusive, in minutes) of the duration histogram buckets the
 * rollups keep for MTTA and MTTR; the last bucket is open-ended. Percentiles
 * cannot be summed across rollup rows, bucket counts can.
 *
 * @public
 */
export const KPI_DURATION_BUCKETS_MINUTES: readonly number[] = Object.freeze([
  1,
  5,
  15,
  30,
  60,
  120,
  240,
  480,
  720,
  1440,
  2880,
  4320,
  7200,
  10080,
  20160,
  43200,
  Infinity,
]);

/** @public */
export const KPI_BACKLOG_AGE_BUCKETS = [
  'lt1d',
  '1to3d',
  '3to7d',
  '7to30d',
  'gt30d',
] as const;

/** @public */
export type KpiBacklogAgeBucket = (typeof KPI_BACKLOG_AGE_BUCKETS)[number];

/** Mean, median and 90th percentile of a set of durations. @public */
export interface KpiDurationStats {
  count: number;
  meanMs: number | null;
  medianMs: number | null;
  p90Ms: number | null;
}

function ms(iso: string): number {
  const value = Date.parse(iso);
  if (Number.isNaN(value)) {
    throw new Error(`Invalid timestamp: ${JSON.stringify(iso)}`);
  }
  return value;
}

/**
 * Time to acknowledge: detection to acknowledgement, wall clock; undefined
 * while unacknowledged. A reopen does not reset it.
 *
 * @public
 */
export function timeToAcknowledgeMs(incident: {
  detectedAt: string;
  acknowledgedAt?: string | null;
}): number | undefined {
  if (!incident.acknowledgedAt) return undefined;
  return Math.max(0, ms(incident.acknowledgedAt) - ms(incident.detectedAt));
}

/**
 * Time to resolve: detection to the (last) resolution, wall clock; with
 * `excludePauses`, the time spent on hold inside that span is left out, as the
 * SLA clock does. Undefined while unresolved (a reopened incident is
 * unresolved until resolved again, and then counts the whole span).
 *
 * @public
 */
export function timeToResolveMs(
  incident: {
    detectedAt: string;
    resolvedAt?: string | null;
    pauses?: SlaPause[];
  },
  options: { excludePauses?: boolean } = {},
): number | undefined {
  if (!incident.resolvedAt) return undefined;
  const start = ms(incident.detectedAt);
  const end = ms(incident.resolvedAt);
  let total = Math.max(0, end - start);
  if (options.excludePauses) {
    for (const pause of incident.pauses ?? []) {
      const from = Math.max(start, ms(pause.from));
      const to = Math.min(end, pause.to ? ms(pause.to) : end);
      if (to > from) total -= to - from;
    }
  }
  return Math.max(0, total);
}

/**
 * The nearest-rank percentile (`p` in (0, 1]) of durations: the smallest
 * value with at least p·n values at or below it.
 *
 * @public
 */
export function percentile(
  values: readonly number[],
  p: number,
): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[percentileRank(sorted.length, p) - 1];
}

/**
 * The 1-based nearest rank of the p-th percentile among `count` sorted
 * values: what a database reads with `order by … offset rank − 1 limit 1`.
 *
 * @public
 */
export function percentileRank(count: number, p: number): number {
  return Math.max(1, Math.ceil(p * count));
}

/** Exact mean, median and p90 of durations. @public */
export function durationStats(values: readonly number[]): KpiDurationStats {
  if (!values.length) {
    return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  }
  return {
    count: values.length,
    meanMs: values.reduce((a, b) => a + b, 0) / values.length,
    medianMs: percentile(values, 0.5),
    p90Ms: percentile(values, 0.9),
  };
}

/** The histogram bucket index of a duration. @public */
export function durationBucket(durationMs: number): number {
  const minutes = durationMs / MINUTE;
  const index = KPI_DURATION_BUCKETS_MINUTES.findIndex(
    bound => minutes < bound,
  );
  return index === -1 ? KPI_DURATION_BUCKETS_MINUTES.length - 1 : index;
}

/**
 * Percentile estimated from bucket counts: the nearest-rank value's bucket,
 * interpolated linearly inside it (the open-ended last bucket answers its
 * lower bound). Exact to the width of one bucket.
 *
 * @public
 */
export function histogramPercentile(
  counts: readonly number[],
  p: number,
): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = percentileRank(total, p);
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    if (counts[i] > 0 && before + counts[i] >= rank) {
      const lo = i === 0 ? 0 : KPI_DURATION_BUCKETS_MINUTES[i - 1];
      const hi = KPI_DURATION_BUCKETS_MINUTES[i];
      if (!Number.isFinite(hi)) return lo * MINUTE;
      return (lo + ((hi - lo) * (rank - before)) / counts[i]) * MINUTE;
    }
    before += counts[i];
  }
  return null;
}

/**
 * Mean (exact, from the summed durations) and median and p90 (estimated
 * from the histogram) of durations kept as a rollup.
 *
 * @public
 */
export function histogramStats(
  count: number,
  sumMs: number,
  buckets: readonly number[],
): KpiDurationStats {
  if (count <= 0) {
    return { count: 0, meanMs: null, medianMs: null, p90Ms: null };
  }
  return {
    count,
    meanMs: sumMs / count,
    medianMs: histogramPercentile(buckets, 0.5),
    p90Ms: histogramPercentile(buckets, 0.9),
  };
}

/** part / whole, or null when there is nothing to divide. @public */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/**
 * Reopen rate: the share of incidents resolved in a period that had been
 * reopened at least once before that resolution.
 *
 * @public
 */
export function reopenRate(resolved: number, reopened: number): number | null {
  return ratio(reopened, resolved);
}

/** SLA compliance = met / (met + breached). @public */
export function slaCompliance(met: number, breached: number): number | null {
  return ratio(met, met + breached);
}

/** Change failure rate = failed (or rolled back) / closed changes. @public */
export function changeFailureRate(
  closed: number,
  failed: number,
): number | null {
  return ratio(failed, closed);
}

/**
 * Whether an SLA target was met: met when its clock stopped by the due time,
 * breached when it stopped later or is still running past it (not paused),
 * pending otherwise. Cancelled incidents have no outcome.
 *
 * @public
 */
export function slaOutcome(options: {
  dueAt?: string | null;
  stoppedAt?: string | null;
  status: string;
  now: string;
}): 'met' | 'breached' | 'pending' | undefined {
  if (!options.dueAt || options.status === 'cancelled') return undefined;
  const due = ms(options.dueAt);
  if (options.stoppedAt) {
    return ms(options.stoppedAt) <= due ? 'met' : 'breached';
  }
  if (options.status !== 'on_hold' && due < ms(options.now)) return 'breached';
  return 'pending';
}

/** The age bucket of an open incident detected at `detectedAt`. @public */
export function backlogAgeBucket(
  detectedAt: string,
  now: string,
): KpiBacklogAgeBucket {
  const days = (ms(now) - ms(detectedAt)) / DAY_MS;
  if (days < 1) return 'lt1d';
  if (days < 3) return '1to3d';
  if (days < 7) return '3to7d';
  if (days < 30) return '7to30d';
  return 'gt30d';
}
