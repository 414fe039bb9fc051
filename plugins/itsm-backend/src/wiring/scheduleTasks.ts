import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { EscalationMonitor } from '../service/EscalationMonitor';
import { createEscalationNotifier } from '../service/escalationNotifier';
import { RecurrenceConfig } from '../service/RecurrenceConfig';
import { RecurrenceDetector } from '../service/RecurrenceDetector';
import { SlaMonitor } from '../service/SlaMonitor';
import { StakeholderUpdateReminder } from '../service/StakeholderUpdateReminder';
import { ActionItemOverdueMonitor } from '../service/ActionItemOverdueMonitor';
import { createActionItemNotifier } from '../service/actionItemNotifier';
import { ReviewConfig } from '../service/ReviewConfig';
import { ItsmServices } from './createServices';
import { ItsmStores } from './createStores';

/**
 * The plugin's scheduled work. Global scope: one replica runs each task, and
 * each step it records is written once anyway.
 */
export async function scheduleTasks(options: {
  scheduler: SchedulerService;
  stores: ItsmStores;
  services: ItsmServices;
  catalog: CatalogService;
  auth: AuthService;
  notifications: NotificationService;
  recurrence: RecurrenceConfig;
  reviews: ReviewConfig;
  logger: LoggerService;
}) {
  const { scheduler, stores, services, logger } = options;

  // Pages, notifies and reassigns; each step once.
  const escalation = new EscalationMonitor({
    store: stores.oncall,
    incidents: stores.incidents,
    oncall: services.oncall,
    catalog: options.catalog,
    auth: options.auth,
    notifier: createEscalationNotifier(options.notifications, logger),
    publisher: services.events,
    logger,
  });
  await scheduler.scheduleTask({
    id: 'itsm-escalation',
    scope: 'global',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 30 },
    fn: async () => {
      await escalation.run();
    },
  });

  const slaMonitor = new SlaMonitor(
    stores.sla,
    stores.incidents,
    services.events,
    logger,
  );
  await scheduler.scheduleTask({
    id: 'itsm-sla-monitor',
    scope: 'global',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 20 },
    fn: async () => {
      await slaMonitor.run();
    },
  });

  // One reminder per overdue stakeholder update due time.
  const reminder = new StakeholderUpdateReminder({
    store: stores.majorIncidents,
    steps: stores.oncall,
    notifier: services.notifier,
    logger,
  });
  await scheduler.scheduleTask({
    id: 'itsm-stakeholder-update-reminder',
    scope: 'global',
    frequency: { minutes: 1 },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 40 },
    fn: async () => {
      await reminder.run();
    },
  });

  // Tells owners of overdue action items, once per item
  const overdue = new ActionItemOverdueMonitor(
    stores.actionItems,
    createActionItemNotifier(options.notifications, logger),
    logger,
  );
  await scheduler.scheduleTask({
    id: 'itsm-action-items-overdue',
    scope: 'global',
    frequency: { minutes: options.reviews.overdueCheckMinutes },
    timeout: { minutes: 5 },
    initialDelay: { seconds: 40 },
    fn: async () => {
      await overdue.run();
    },
  });

  if (options.recurrence.enabled) {
    const detector = new RecurrenceDetector(
      stores.proposals,
      options.recurrence,
      logger,
    );
    await scheduler.scheduleTask({
      id: 'itsm-recurrence-detector',
      scope: 'global',
      frequency: { minutes: options.recurrence.frequencyMinutes },
      timeout: { minutes: 5 },
      initialDelay: { seconds: 30 },
      fn: async () => {
        await detector.run();
      },
    });
  }
}
