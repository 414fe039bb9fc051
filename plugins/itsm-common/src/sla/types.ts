import type { components, operations } from '../schema/openapi.generated';

/**
 * One SLA clock of an incident, as the API returns it.
 *
 * @public
 */
export type IncidentSlaTarget = components['schemas']['IncidentSlaTarget'];

/**
 * An incident's response and resolution clocks.
 *
 * @public
 */
export type IncidentSla = components['schemas']['IncidentSla'];

/**
 * Met and breached counts for one kind of target.
 *
 * @public
 */
export type SlaComplianceCounts = components['schemas']['SlaComplianceCounts'];

/** @public */
export type SlaComplianceGroupBy =
  components['schemas']['SlaComplianceGroupBy'];

/**
 * SLA compliance over incidents whose target fell in [from, to).
 *
 * @public
 */
export type SlaComplianceReport = components['schemas']['SlaComplianceReport'];

/** @public */
export type SlaComplianceQuery = NonNullable<
  operations['GetSlaCompliance']['parameters']['query']
>;
