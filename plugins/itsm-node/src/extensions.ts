import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  Incident,
  TimelineEvent,
} from '@openitsm/backstage-plugin-itsm-common';

/**
 * Something that happened to an incident, delivered after it was committed.
 *
 * @public
 */
export type IncidentEvent =
  | { type: 'incident.created'; incident: Incident; actor: string }
  | {
      type: 'incident.updated';
      incident: Incident;
      previous: Incident;
      actor: string;
    }
  | {
      type: 'incident.update-posted';
      incident: Incident;
      update: TimelineEvent;
      actor: string;
    }
  | {
      /** An SLA target reached its warning share, or was breached (once each). */
      type: 'incident.sla';
      stage: 'warning' | 'breach';
      target: 'response' | 'resolution';
      incident: Incident;
      actor: string;
    };

/**
 * Reacts to incident events: notify a chat channel, page someone, mirror to
 * another tool. Failures are logged by the ITSM backend and never undo the
 * change that caused the event.
 *
 * @public
 */
export interface IncidentEventListener {
  /** Short name used in logs, e.g. `slack-notifier`. */
  readonly id: string;
  onIncidentEvent(event: IncidentEvent): Promise<void>;
}

/**
 * Lets backend modules listen to incident events.
 *
 * @public
 */
export interface ItsmIncidentEventsExtensionPoint {
  addListener(...listeners: IncidentEventListener[]): void;
}

/**
 * Extension point for incident event listeners.
 *
 * @example
 * ```ts
 * createBackendModule({
 *   pluginId: 'itsm',
 *   moduleId: 'my-notifier',
 *   register(reg) {
 *     reg.registerInit({
 *       deps: { events: itsmIncidentEventsExtensionPoint },
 *       async init({ events }) {
 *         events.addListener({ id: 'my-notifier', onIncidentEvent: async e => {…} });
 *       },
 *     });
 *   },
 * });
 * ```
 *
 * @public
 */
export const itsmIncidentEventsExtensionPoint =
  createExtensionPoint<ItsmIncidentEventsExtensionPoint>({
    id: 'itsm.incident-events',
  });
