import { KpiValues } from '@openitsm/backstage-plugin-itsm-common';

/** A KPI as a report shows it: its name, its value and its good direction. */
export interface KpiRow {
  label: string;
  kind: 'count' | 'ratio' | 'duration';
  value: (kpis: KpiValues) => number | null;
  /** Which way is an improvement; volumes are neither good nor bad. */
  better?: 'up' | 'down';
}

/** The KPIs reports compare between periods. */
export const KPI_ROWS = {
  opened: { label: 'Opened', kind: 'count', value: k => k.opened },
  resolved: { label: 'Resolved', kind: 'count', value: k => k.resolved },
  mtta: {
    label: 'MTTA (median)',
    kind: 'duration',
    value: k => k.mtta.medianMs,
    better: 'down',
  },
  mttr: {
    label: 'MTTR (median)',
    kind: 'duration',
    value: k => k.mttr.medianMs,
    better: 'down',
  },
  mttrP90: {
    label: 'MTTR (p90)',
    kind: 'duration',
    value: k => k.mttr.p90Ms,
    better: 'down',
  },
  mttrBusiness: {
    label: 'MTTR business time (median)',
    kind: 'duration',
    value: k => k.mttrBusiness.medianMs,
    better: 'down',
  },
  reopenRate: {
    label: 'Reopen rate',
    kind: 'ratio',
    value: k => k.reopenRate,
    better: 'down',
  },
  workaroundShare: {
    label: 'Resolved by workaround',
    kind: 'ratio',
    value: k => k.workaroundShare,
  },
  causedByChangeShare: {
    label: 'Caused by changes',
    kind: 'ratio',
    value: k => k.causedByChangeShare,
    better: 'down',
  },
  slaResponse: {
    label: 'SLA response compliance',
    kind: 'ratio',
    value: k => k.slaResponse.compliance,
    better: 'up',
  },
  slaResolution: {
    label: 'SLA resolution compliance',
    kind: 'ratio',
    value: k => k.slaResolution.compliance,
    better: 'up',
  },
} satisfies Record<string, KpiRow>;

/** The KPIs a weekly review meeting goes through, in its order. */
export const WEEKLY_KPI_ROWS: KpiRow[] = Object.values(KPI_ROWS);

/** Whether a move from `before` to `now` is an improvement, if it says. */
export function kpiTrend(
  row: KpiRow,
  now: number | null,
  before: number | null,
): 'better' | 'worse' | undefined {
  if (!row.better || now === null || before === null || now === before) {
    return undefined;
  }
  return now > before === (row.better === 'up') ? 'better' : 'worse';
}
