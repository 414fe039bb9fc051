import { DateTime } from 'luxon';
import { SlaPause } from '../sla/SlaPause';
import type { components, paths } from '../schema/openapi.generated';
import {
  durationBucket,
  histogramStats,
  KPI_DURATION_BUCKETS_MINUTES,
  ratio,
  reopenRate,
  slaCompliance,
  timeToAcknowledgeMs,
  timeToResolveMs,
} from './KpiFormulas';

/** @public */
export type KpiValues = components['schemas']['KpiValues'];
/** @public */
export type KpiReport = components['schemas']['KpiReport'];
/** @public */
export type KpiGroupBy = components['schemas']['KpiGroupBy'];
/** @public */
export type KpiBacklog = components['schemas']['KpiBacklog'];
/** The query of `GET /reports/kpis`. @public */
export type KpiReportQuery = NonNullable<
  paths['/reports/kpis']['get']['parameters']['query']
>;

/**
 * What of an incident the KPIs count: the fields of its stored row.
 *
 * @public
 */
export interface KpiIncidentFacts {
  status: string;
  detectedAt: string;
  acknowledgedAt?: string | null;
  resolvedAt?: string | null;
  reopenCount: number;
  resolutionCode?: string | null;
  causedByChangeId?: string | null;
  responseDueAt?: string | null;
  resolutionDueAt?: string | null;
  pauses?: SlaPause[];
  /**
   * Time to resolve in business time: what the resolution SLA clock counted
   * by the resolution (its calendar, holds left out), stored when resolved.
   * Absent for incidents resolved without a clock.
   */
  resolutionBusinessMs?: number | null;
}

const BUCKETS = KPI_DURATION_BUCKETS_MINUTES.map((_, i) => i);

/**
 * The additive measures a KPI rollup row keeps for one day. Every one is a
 * count or a sum, so rows add up across days, services and priorities.
 *
 * @public
 */
export const KPI_MEASURES = [
  'opened',
  'causedByChange',
  'acknowledged',
  'ttaSumMs',
  'resolved',
  'ttrSumMs',
  'ttrActiveSumMs',
  'resolvedReopened',
  'resolvedWorkaround',
  'responseMet',
  'responseBreached',
  'resolutionMet',
  'resolutionBreached',
  'responseUnstopped',
  'resolutionUnstopped',
  ...BUCKETS.map(i => `tta${i}`),
  ...BUCKETS.map(i => `ttr${i}`),
  'resolvedBusiness',
  'ttrBusinessSumMs',
  ...BUCKETS.map(i => `ttrb${i}`),
] as const;

/** @public */
export type KpiMeasure = (typeof KPI_MEASURES)[number];

/** @public */
export type KpiMeasures = Partial<Record<KpiMeasure, number>>;

/** What one incident adds to one day's rollup. @public */
export interface KpiContribution {
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  measures: KpiMeasures;
}

/** The UTC day of a timestamp, `YYYY-MM-DD`. @public */
export function kpiDayOf(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

/** The ISO week of a `YYYY-MM-DD` day, `YYYY-Www`. @public */
export function isoWeekOf(day: string): string {
  return DateTime.fromISO(day, { zone: 'utc' }).toFormat("kkkk-'W'WW");
}

/**
 * What an incident adds to the day rollups, each measure on the day of the
 * event it counts: opened (and caused by a change) on its detection day,
 * MTTA on its acknowledgement day, MTTR (wall clock, and business time when
 * its resolution clock recorded it), reopened and workaround shares on
 * its resolution day, SLA met/breached on each target's due day once its
 * clock has stopped (or "unstopped" when the incident ended without stopping
 * it). Clocks still running are not in the rollup: whether
 * they are breached depends on "now", so reports count them live from the
 * few open incidents. Cancelled incidents count as opened only.
 *
 * Keeping a rollup right is then: subtract an incident's contributions as
 * they were, add them as they are, in the transaction that changes it.
 *
 * @public
 */
export function kpiContributions(facts: KpiIncidentFacts): KpiContribution[] {
  const byDay = new Map<string, KpiMeasures>();
  const add = (iso: string, measures: KpiMeasures) => {
    const day = kpiDayOf(iso);
    const current = byDay.get(day) ?? {};
    for (const [key, value] of Object.entries(measures)) {
      const k = key as KpiMeasure;
      current[k] = (current[k] ?? 0) + (value ?? 0);
    }
    byDay.set(day, current);
  };
  add(facts.detectedAt, {
    opened: 1,
    causedByChange: facts.causedByChangeId ? 1 : 0,
  });
  const tta = timeToAcknowledgeMs(facts);
  if (tta !== undefined && facts.acknowledgedAt) {
    add(facts.acknowledgedAt, {
      acknowledged: 1,
      ttaSumMs: tta,
      [`tta${durationBucket(tta)}`]: 1,
    });
  }
  const ttr = timeToResolveMs(facts);
  if (ttr !== undefined && facts.resolvedAt) {
    add(facts.resolvedAt, {
      resolved: 1,
      ttrSumMs: ttr,
      ttrActiveSumMs: timeToResolveMs(facts, { excludePauses: true })!,
      [`ttr${durationBucket(ttr)}`]: 1,
      resolvedReopened: facts.reopenCount > 0 ? 1 : 0,
      resolvedWorkaround: facts.resolutionCode === 'workaround' ? 1 : 0,
    });
    const business = facts.resolutionBusinessMs;
    if (typeof business === 'number' && business >= 0) {
      add(facts.resolvedAt, {
        resolvedBusiness: 1,
        ttrBusinessSumMs: business,
        [`ttrb${durationBucket(business)}`]: 1,
      });
    }
  }
  if (facts.status !== 'cancelled') {
    const targets = [
      ['response', facts.responseDueAt, facts.acknowledgedAt],
      ['resolution', facts.resolutionDueAt, facts.resolvedAt],
    ] as const;
    for (const [kind, due, stop] of targets) {
      if (!due) continue;
      if (stop) {
        const met = Date.parse(stop) <= Date.parse(due);
        add(due, { [`${kind}${met ? 'Met' : 'Breached'}`]: 1 });
      } else if (facts.status === 'resolved' || facts.status === 'closed') {
        // A clock that will never stop (the incident was closed without it,
        // e.g. imported): breached once its due time has passed.
        add(due, { [`${kind}Unstopped`]: 1 });
      }
    }
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, measures]) => ({
      day,
      measures: Object.fromEntries(
        Object.entries(measures).filter(([, v]) => v !== 0),
      ),
    }));
}

/**
 * The KPIs of summed rollup measures, plus the SLA targets counted live
 * (clocks still running past their due time, not in the rollups).
 *
 * @public
 */
export function kpiValuesOf(
  sums: KpiMeasures,
  liveBreaches: { response: number; resolution: number } = {
    response: 0,
    resolution: 0,
  },
): KpiValues {
  const n = (m: KpiMeasure) => sums[m] ?? 0;
  const buckets = (prefix: 'tta' | 'ttr' | 'ttrb') =>
    BUCKETS.map(i => n(`${prefix}${i}` as KpiMeasure));
  const sla = (met: number, breached: number) => ({
    met,
    breached,
    compliance: slaCompliance(met, breached),
  });
  return {
    opened: n('opened'),
    resolved: n('resolved'),
    mtta: histogramStats(n('acknowledged'), n('ttaSumMs'), buckets('tta')),
    mttr: histogramStats(n('resolved'), n('ttrSumMs'), buckets('ttr')),
    mttrBusiness: histogramStats(
      n('resolvedBusiness'),
      n('ttrBusinessSumMs'),
      buckets('ttrb'),
    ),
    mttrExcludingHoldMeanMs: ratio(n('ttrActiveSumMs'), n('resolved')),
    reopened: n('resolvedReopened'),
    reopenRate: reopenRate(n('resolved'), n('resolvedReopened')),
    resolvedByWorkaround: n('resolvedWorkaround'),
    workaroundShare: ratio(n('resolvedWorkaround'), n('resolved')),
    causedByChange: n('causedByChange'),
    causedByChangeShare: ratio(n('causedByChange'), n('opened')),
    slaResponse: sla(
      n('responseMet'),
      n('responseBreached') + n('responseUnstopped') + liveBreaches.response,
    ),
    slaResolution: sla(
      n('resolutionMet'),
      n('resolutionBreached') +
        n('resolutionUnstopped') +
        liveBreaches.resolution,
    ),
  };
}
