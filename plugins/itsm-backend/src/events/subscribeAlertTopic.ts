import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { EventsService } from '@backstage/plugin-events-node';
import { AlertIngestService } from '../ingest/AlertIngestService';
import { parseGeneric } from '../ingest/generic';

/** The actor recorded on incidents opened from events of the topic. */
export const ALERT_EVENTS_ACTOR = 'plugin:itsm/events';

/**
 * Treats the events of `topic` (`itsm.ingest.eventsTopic`) as alerts in the
 * generic format: the same routing, deduplication and lifecycle as
 * `POST /ingest/generic`. Subscribers of one id share the events between
 * replicas, and a replayed event finds its alert by its dedup key.
 */
export async function subscribeAlertTopic(options: {
  events: EventsService;
  topic: string;
  ingest: Pick<AlertIngestService, 'ingest'>;
  auth: AuthService;
  logger: LoggerService;
}) {
  const { events, topic, ingest, auth, logger } = options;
  await events.subscribe({
    id: 'alert-ingest',
    topics: [topic],
    onEvent: async ({ eventPayload }) => {
      let notification;
      try {
        notification = parseGeneric(
          typeof eventPayload === 'string'
            ? JSON.parse(eventPayload)
            : eventPayload,
        );
      } catch (error) {
        // Redelivering it would not make it valid: said once, then dropped
        logger.warn(
          `Ignored an event on ${topic} that is not a generic alert: ${
            isError(error) ? error.message : String(error)
          }`,
        );
        return;
      }
      const result = await ingest.ingest(notification, {
        actor: ALERT_EVENTS_ACTOR,
        credentials: await auth.getOwnServiceCredentials(),
      });
      for (const alert of result.alerts) {
        logger.debug(
          `Alert ${alert.dedupKey} from ${topic}: ${alert.outcome}${
            alert.incidentRef ? ` (${alert.incidentRef})` : ''
          }`,
        );
      }
    },
  });
}
