import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';

/**
 * The monitoring tool an alert came from.
 * @public
 */
export type AlertSource = components['schemas']['AlertSource'];

/** @public */
export const ALERT_SOURCES = enumValues<AlertSource>()([
  'alertmanager',
  'pagerduty',
  'grafana',
  'generic',
]);

/** @public */
export type AlertStatus = components['schemas']['AlertStatus'];

/**
 * One alert as received from monitoring, deduplicated on (source, dedupKey).
 * @public
 */
export type Alert = components['schemas']['Alert'];

/** @public */
export type AlertLink = components['schemas']['AlertLink'];

/** @public */
export type AlertOutcome = components['schemas']['AlertOutcome'];

/**
 * What an ingest route answers: what each alert of the payload did.
 * @public
 */
export type IngestResult = components['schemas']['IngestResult'];

/**
 * The query of `listAlerts`.
 * @public
 */
export interface AlertListQuery {
  /** Only alerts no service matched (the triage list). */
  unmapped?: boolean;
  /** Only the alerts of this incident (uuid or ref). */
  incidentId?: string;
  entityRef?: string;
  status?: AlertStatus;
  limit?: number;
  cursor?: string;
}

/**
 * The annotation on a catalog entity that names a label selector: alerts
 * whose labels match it are routed to the entity, e.g.
 * `openitsm.io/alert-selector: "job=payments-api,env=prod"`.
 * @public
 */
export const ANNOTATION_ALERT_SELECTOR = 'openitsm.io/alert-selector';
