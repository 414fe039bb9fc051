export {
  CALENDAR_24X7,
  DEFAULT_BUSINESS_CALENDAR,
  addBusinessTime,
  businessMinutesBetween,
  isWorkingTime,
  nextWorkingTime,
} from './BusinessCalendar';
export type { BusinessCalendar } from './BusinessCalendar';
export { pausesFromStatusHistory } from './SlaPause';
export type { SlaPause, SlaStatusChange } from './SlaPause';
export { SLA_WARNING_RATIO, computeSlaClock } from './SlaClock';
export type { SlaClock, SlaClockInput, SlaState } from './SlaClock';
export {
  ANNOTATION_SLA_TIER,
  CALENDAR_24X7_NAME,
  DEFAULT_SLA_CONFIG,
  DEFAULT_SLA_POLICY_NAME,
  parseSlaConfig,
  resolveSlaTargets,
} from './SlaPolicy';
export type {
  ResolvedSlaTarget,
  ResolvedSlaTargets,
  SlaConfig,
  SlaPolicy,
  SlaPriorityTarget,
} from './SlaPolicy';
export type {
  IncidentSla,
  IncidentSlaTarget,
  SlaComplianceCounts,
  SlaComplianceGroupBy,
  SlaComplianceQuery,
  SlaComplianceReport,
} from './types';
