import { Page, TimelineEvent } from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { NewTimelineEvent } from './IncidentStore';
import { DbTime } from './DbTime';
import { eventColumns } from './eventColumns';
import { oldestFirstEvents } from './keysetPage';

type EventRow = {
  id: number | string;
  incident_id: string;
  type: TimelineEvent['type'];
  actor: string;
  at: Date | string;
  message: string;
  before_json: string | null;
  after_json: string | null;
};

function toEventRow(
  incidentId: string,
  event: NewTimelineEvent,
  at: string,
  time: DbTime,
) {
  return {
    incident_id: incidentId,
    ...eventColumns(event, at, time),
  };
}

/** Writes the timeline entries of one change, in the caller's transaction. */
export async function insertTimelineEvents(
  tx: Knex,
  time: DbTime,
  incidentId: string,
  events: NewTimelineEvent[],
  at: string,
): Promise<void> {
  if (events.length) {
    await tx('itsm_timeline_events').insert(
      events.map(event => toEventRow(incidentId, event, at, time)),
    );
  }
}

/** Appends one entry on its own and returns it as read back. */
export async function appendTimelineEvent(
  db: Knex,
  time: DbTime,
  incidentId: string,
  event: NewTimelineEvent,
  at: string,
): Promise<TimelineEvent> {
  const [row] = await db('itsm_timeline_events')
    .insert(toEventRow(incidentId, event, at, time))
    .returning('id');
  const id = typeof row === 'object' ? row.id : row;
  return {
    id: String(id),
    incidentId,
    type: event.type,
    actor: event.actor,
    at,
    message: event.message,
    before: event.before,
    after: event.after,
  };
}

/** An incident's timeline, oldest first. */
export async function listTimelineEvents(
  db: Knex,
  time: DbTime,
  incidentId: string,
  options: { limit: number; cursor?: string },
): Promise<Page<TimelineEvent>> {
  return oldestFirstEvents(
    db<EventRow>('itsm_timeline_events').where('incident_id', incidentId),
    options,
    (row: EventRow): TimelineEvent => ({
      id: String(row.id),
      incidentId: row.incident_id,
      type: row.type,
      actor: row.actor,
      at: time.fromDb(row.at),
      message: row.message,
      before: row.before_json ? JSON.parse(row.before_json) : undefined,
      after: row.after_json ? JSON.parse(row.after_json) : undefined,
    }),
  );
}
