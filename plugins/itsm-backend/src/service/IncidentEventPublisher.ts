import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IncidentEvent,
  IncidentEventListener,
} from '@openitsm/backstage-plugin-itsm-node';

/**
 * Delivers committed incident events to the listeners modules registered.
 * A failing listener is logged; it never fails the request that caused it.
 */
export class IncidentEventPublisher {
  constructor(
    private readonly listeners: IncidentEventListener[],
    private readonly logger: LoggerService,
  ) {}

  async publish(event: IncidentEvent): Promise<void> {
    await Promise.all(
      this.listeners.map(async listener => {
        try {
          await listener.onIncidentEvent(event);
        } catch (error) {
          this.logger.warn(
            `Incident event listener ${listener.id} failed on ${event.type} for ${event.incident.ref}`,
            error as Error,
          );
        }
      }),
    );
  }
}
