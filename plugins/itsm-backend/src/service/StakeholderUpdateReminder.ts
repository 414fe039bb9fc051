import { LoggerService } from '@backstage/backend-plugin-api';
import {
  updateReminderRecipient,
  updateReminderStep,
} from '@openitsm/backstage-plugin-itsm-common';
import { DatabaseMajorIncidentStore } from '../database/DatabaseMajorIncidentStore';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { MajorIncidentNotifier } from './majorIncidentNotifier';

/** The actor recorded on reminder timeline events. */
export const REMINDER_ACTOR = 'plugin:itsm/major-incidents';

const MAX_PER_RUN = 500;

/**
 * Reminds the communications lead (else the commander, else the assignee)
 * of a major incident whose stakeholder update is overdue: one reminder per
 * due time, recorded as an escalation step with its timeline entry in one
 * transaction, so two replicas racing send it once.
 */
export class StakeholderUpdateReminder {
  constructor(
    private readonly options: {
      store: DatabaseMajorIncidentStore;
      steps: Pick<DatabaseOnCallStore, 'fireEscalationStep'>;
      notifier: MajorIncidentNotifier;
      logger: LoggerService;
    },
  ) {}

  /** One pass; returns how many reminders were sent. */
  async run(now: string = new Date().toISOString()): Promise<number> {
    const { store, steps, notifier, logger } = this.options;
    const overdue = await store.findOverdueUpdates(now, MAX_PER_RUN);
    let sent = 0;
    for (const item of overdue) {
      try {
        const recipient = updateReminderRecipient(item.roles, item.assignee);
        const message = `Stakeholder update overdue since ${
          item.nextUpdateDueAt
        }: reminded ${
          recipient ?? 'nobody (no communications lead, commander or assignee)'
        }`;
        const fired = await steps.fireEscalationStep(
          item.incidentId,
          updateReminderStep(item.nextUpdateDueAt),
          {
            type: 'update_reminder',
            actor: REMINDER_ACTOR,
            message,
            after: { dueAt: item.nextUpdateDueAt, recipient },
          },
          now,
        );
        if (!fired) continue;
        sent += 1;
        await notifier.notify({
          recipients: recipient ? [recipient] : [],
          title: `${item.ref}: a stakeholder update is overdue`,
          description: `The next update on "${item.title}" was due at ${item.nextUpdateDueAt}. Post one from the incident page.`,
          incidentRef: item.ref,
          severity: 'high',
          kind: 'update-reminder',
        });
      } catch (error) {
        logger.error(
          `Could not remind of the update on ${item.ref}: ${
            (error as Error).message
          }`,
        );
      }
    }
    if (sent) logger.info(`Sent ${sent} stakeholder update reminder(s)`);
    return sent;
  }
}
