import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';

/** One notification to people about an incident. */
export interface IncidentNotice {
  /** User refs; each gets one notification. */
  recipients: string[];
  title: string;
  description: string;
  incidentRef: string;
  severity: 'critical' | 'high' | 'normal';
  /** What kind of notice, e.g. `major-declared`; becomes the scope. */
  kind: string;
}

/** Sends notices; failures are logged and never undo what was recorded. */
export interface MajorIncidentNotifier {
  notify(notice: IncidentNotice): Promise<void>;
}

/**
 * Sends major-incident notices through Backstage's notifications service,
 * one `send` per notice with every recipient in it (the notifications
 * backend stores one notification per user).
 */
export function createMajorIncidentNotifier(
  notifications: NotificationService,
  logger: LoggerService,
): MajorIncidentNotifier {
  return {
    async notify(notice) {
      if (!notice.recipients.length) return;
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: notice.recipients },
          payload: {
            title: notice.title,
            description: notice.description,
            link: `/itsm/incidents/${notice.incidentRef}`,
            severity: notice.severity,
            topic: `itsm:${notice.incidentRef}`,
            scope: `itsm-${notice.kind}:${notice.incidentRef}`,
          },
        });
      } catch (error) {
        logger.warn(
          `Could not send the ${notice.kind} notification for ${
            notice.incidentRef
          } (is the notifications backend installed?): ${
            (error as Error).message
          }`,
        );
      }
    },
  };
}
