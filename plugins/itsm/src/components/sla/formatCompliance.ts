import { SlaComplianceCounts } from '@openitsm/backstage-plugin-itsm-common';

/** `96.4 %`, or an en dash when no target fell in the period. */
export function formatCompliance(counts: SlaComplianceCounts): string {
  return counts.compliance === null
    ? '–'
    : `${(Math.floor(counts.compliance * 1000) / 10).toFixed(1)} %`;
}

/** Compliance as a percentage for charts; null leaves a gap. */
export function compliancePercent(counts: SlaComplianceCounts): number | null {
  return counts.compliance === null
    ? null
    : Math.round(counts.compliance * 1000) / 10;
}
