import { LoggerService } from '@backstage/backend-plugin-api';
import { utcDay } from '@openitsm/backstage-plugin-itsm-common';
import { ActionItemStore } from '../database/ReviewStore';
import { ActionItemNotifier } from './actionItemNotifier';

const BATCH = 100;

/**
 * Tells owners of action items that became overdue, once per item: each
 * notice is claimed in the database before it is sent, so replicas racing
 * (or a run overlapping the previous one) never send it twice.
 */
export class ActionItemOverdueMonitor {
  constructor(
    private readonly store: Pick<ActionItemStore, 'claimOverdueNotices'>,
    private readonly notifier: ActionItemNotifier,
    private readonly logger?: LoggerService,
  ) {}

  async run(now = new Date().toISOString()): Promise<number> {
    let sent = 0;
    for (;;) {
      const claimed = await this.store.claimOverdueNotices(
        utcDay(now),
        now,
        BATCH,
      );
      for (const item of claimed) {
        await this.notifier.notify(item, 'overdue');
      }
      sent += claimed.length;
      if (claimed.length < BATCH) break;
    }
    if (sent)
      this.logger?.info(`Told the owners of ${sent} overdue action items`);
    return sent;
  }
}
