import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { EscalationNotifier } from './EscalationMonitor';

/**
 * Sends escalation notifications through Backstage's notifications service.
 * Without the notifications backend installed, sending fails: that is logged
 * and the escalation (already recorded on the timeline) stands.
 */
export function createEscalationNotifier(
  notifications: NotificationService,
  logger: LoggerService,
): EscalationNotifier {
  return {
    async notify({ recipients, title, description, incidentRef, severity }) {
      if (!recipients.length) return;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: recipients },
          payload: {
            title,
            description,
            link: `/itsm/incidents/${incidentRef}`,
            severity,
            topic: `itsm:${incidentRef}`,
            scope: `itsm-escalation:${incidentRef}`,
          },
        });
      } catch (error) {
        logger.warn(
          `Could not send the escalation notification for ${incidentRef} (is the notifications backend installed?): ${
            (error as Error).message
          }`,
        );
      }
    },
  };
}
