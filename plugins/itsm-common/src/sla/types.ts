import { SlaState } from './SlaClock';

/**
 * One SLA clock of an incident, as the API returns it.
 *
 * @public
 */
export interface IncidentSlaTarget {
  /** The target in business minutes of `calendar`. */
  targetMinutes: number;
  /** Name of the business calendar the target counts in (`24x7`, `business`, …). */
  calendar: string;
  /** When the target is reached; provisional (moves later) while on hold. */
  dueAt: string;
  /** When 75 % (the configured warning share) of the target is reached. */
  warningAt: string;
  /** When the clock stopped: acknowledged (response) or resolved (resolution). */
  stoppedAt?: string;
  state: SlaState;
  /** When the SLA monitor recorded the warning on the timeline. */
  warnedAt?: string;
  /** When the SLA monitor recorded the breach on the timeline. */
  breachedAt?: string;
}

/**
 * An incident's response and resolution clocks.
 *
 * @public
 */
export interface IncidentSla {
  /** The policy the targets come from: the service's tier, or `default`. */
  policy: string;
  /** Whether the clocks are paused (the incident is on hold). */
  paused: boolean;
  response: IncidentSlaTarget;
  resolution: IncidentSlaTarget;
}

/**
 * Met and breached counts for one kind of target.
 *
 * @public
 */
export interface SlaComplianceCounts {
  met: number;
  breached: number;
  /** met / (met + breached), or null when no target fell in the period. */
  compliance: number | null;
}

/** @public */
export type SlaComplianceGroupBy = 'month' | 'priority';

/**
 * SLA compliance over incidents whose target fell in [from, to).
 *
 * @public
 */
export interface SlaComplianceReport {
  entityRef?: string;
  from: string;
  to: string;
  groupBy?: SlaComplianceGroupBy;
  response: SlaComplianceCounts;
  resolution: SlaComplianceCounts;
  /** Per month (`YYYY-MM`, UTC) or per priority, when `groupBy` is given. */
  groups?: Array<{
    key: string;
    response: SlaComplianceCounts;
    resolution: SlaComplianceCounts;
  }>;
}

/** @public */
export interface SlaComplianceQuery {
  entityRef?: string;
  from?: string;
  to?: string;
  groupBy?: SlaComplianceGroupBy;
}
