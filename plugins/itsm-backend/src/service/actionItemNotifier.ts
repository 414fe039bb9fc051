import { LoggerService } from '@backstage/backend-plugin-api';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { ActionItem } from '@openitsm/backstage-plugin-itsm-common';

/** Tells an action item's owner it is theirs, or that it is overdue. */
export interface ActionItemNotifier {
  notify(item: ActionItem, why: 'assigned' | 'overdue'): Promise<void>;
}

/**
 * Through Backstage's notifications service. Without the notifications
 * backend, sending fails: that is logged and the write stands.
 */
export function createActionItemNotifier(
  notifications: NotificationService,
  logger: LoggerService,
): ActionItemNotifier {
  return {
    async notify(item, why) {
      const of = item.incidentRef ? ` (review of ${item.incidentRef})` : '';
      try {
        await notifications.send({
          recipients: { type: 'entity', entityRef: item.owner },
          payload: {
            title:
              why === 'assigned'
                ? `Action item ${item.ref} is yours: ${item.title}`
                : `Action item ${item.ref} is overdue: ${item.title}`,
            description:
              why === 'assigned'
                ? `Due ${item.dueDate}${of}.`
                : `It was due ${item.dueDate}${of}; finish it or move its due date.`,
            link: item.incidentRef
              ? `/itsm/incidents/${item.incidentRef}`
              : '/itsm/reviews',
            severity: why === 'overdue' ? 'high' : 'normal',
            topic: `itsm:${item.ref}`,
            scope: `itsm-action-item:${item.ref}:${why}`,
          },
        });
      } catch (error) {
        logger.warn(
          `Could not notify ${item.owner} about action item ${
            item.ref
          } (is the notifications backend installed?): ${
            (error as Error).message
          }`,
        );
      }
    },
  };
}
