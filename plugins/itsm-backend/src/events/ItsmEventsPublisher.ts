import { LoggerService } from '@backstage/backend-plugin-api';
import { EventsService } from '@backstage/plugin-events-node';
import {
  Change,
  Incident,
  Problem,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  IncidentEvent,
  IncidentEventListener,
  ITSM_EVENT_TOPICS,
  ItsmEventPayload,
} from '@openitsm/backstage-plugin-itsm-node';
import { fieldChanges } from './fieldChanges';
import {
  ChangeRecordEvent,
  ProblemRecordEvent,
  RecordEvents,
} from './recordEvents';

// The fields whose changes an event names: what a subscriber reacts to, not
// long texts (they read the record for those).
const INCIDENT_FIELDS = [
  'title',
  'status',
  'priority',
  'impact',
  'urgency',
  'category',
  'affectedServices',
  'assignee',
  'assignedGroup',
  'major',
  'resolutionCode',
  'problemId',
  'causedByChangeId',
] as const satisfies ReadonlyArray<keyof Incident>;

const PROBLEM_FIELDS = [
  'title',
  'status',
  'affectedServices',
  'ownerGroup',
  'assignee',
  'incidentCount',
  'rootCause',
] as const satisfies ReadonlyArray<keyof Problem>;

const CHANGE_FIELDS = [
  'title',
  'status',
  'type',
  'risk',
  'affectedServices',
  'plannedStart',
  'plannedEnd',
  'outcome',
  'problemRef',
] as const satisfies ReadonlyArray<keyof Change>;

/**
 * Publishes committed ITSM writes on Backstage's events service, as
 * `itsm.incident.*`, `itsm.problem.*` and `itsm.change.*` topics. A failing
 * publish is logged; it never fails the write that caused it.
 */
export class ItsmEventsPublisher
  implements IncidentEventListener, RecordEvents
{
  readonly id = 'events-service';

  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly events: EventsService,
    private readonly logger: LoggerService,
  ) {}

  async onIncidentEvent(event: IncidentEvent): Promise<void> {
    const { incident, actor } = event;
    const payload = incidentPayload(incident, actor);
    switch (event.type) {
      case 'incident.created':
        await this.publish(ITSM_EVENT_TOPICS.incidentCreated, payload);
        return;
      case 'incident.updated': {
        const changes = fieldChanges(event.previous, incident, INCIDENT_FIELDS);
        const updated = { ...payload, changes };
        await this.publish(ITSM_EVENT_TOPICS.incidentUpdated, updated);
        if (changes.status && incident.status === 'resolved') {
          await this.publish(ITSM_EVENT_TOPICS.incidentResolved, updated);
        }
        if (changes.major && incident.major) {
          await this.publish(ITSM_EVENT_TOPICS.incidentMajorDeclared, updated);
        }
        return;
      }
      case 'incident.sla':
        await this.publish(ITSM_EVENT_TOPICS.incidentSla, {
          ...payload,
          sla: { target: event.target, stage: event.stage },
        });
        return;
      default:
        // Updates posted on the timeline stay with the extension point's
        // listeners: they change nothing on the record.
        return;
    }
  }

  async onProblemEvent(event: ProblemRecordEvent): Promise<void> {
    const { problem, actor } = event;
    const payload: ItsmEventPayload = {
      ...recordPayload('problem', problem, actor),
    };
    if (event.type === 'created') {
      await this.publish(ITSM_EVENT_TOPICS.problemCreated, payload);
      return;
    }
    await this.publish(ITSM_EVENT_TOPICS.problemUpdated, {
      ...payload,
      changes: fieldChanges(event.previous, problem, PROBLEM_FIELDS),
    });
  }

  async onChangeEvent(event: ChangeRecordEvent): Promise<void> {
    const { change, actor } = event;
    const payload: ItsmEventPayload = {
      ...recordPayload('change', change, actor),
      type: change.type,
      risk: change.risk,
    };
    if (event.type === 'created') {
      await this.publish(ITSM_EVENT_TOPICS.changeCreated, payload);
      return;
    }
    await this.publish(ITSM_EVENT_TOPICS.changeUpdated, {
      ...payload,
      changes: fieldChanges(event.previous, change, CHANGE_FIELDS),
    });
  }

  /**
   * Queues the event and returns: with the events backend installed, each
   * publish is an HTTP call to its bus (which stores the event for other
   * replicas), and the write that caused it should not wait for that. One
   * queue keeps the events in the order their writes committed.
   */
  private async publish(topic: string, payload: ItsmEventPayload) {
    // JSON as it travels between backends: no undefined values
    const eventPayload = JSON.parse(JSON.stringify(payload));
    this.queue = this.queue.then(() =>
      this.events.publish({ topic, eventPayload }).catch(error => {
        this.logger.warn(
          `Could not publish ${topic} for ${payload.ref}`,
          error as Error,
        );
      }),
    );
  }
}

function recordPayload(
  kind: ItsmEventPayload['kind'],
  record: Incident | Problem | Change,
  actor: string,
): ItsmEventPayload {
  return {
    kind,
    id: record.id,
    ref: record.ref,
    title: record.title,
    entityRef: record.affectedServices[0],
    affectedServices: record.affectedServices,
    status: record.status,
    actor,
    at: new Date().toISOString(),
  };
}

function incidentPayload(incident: Incident, actor: string): ItsmEventPayload {
  return {
    ...recordPayload('incident', incident, actor),
    priority: incident.priority,
    major: incident.major,
  };
}
