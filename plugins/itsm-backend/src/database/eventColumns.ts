import { DbTime } from './DbTime';

/** What every append-only event table stores of an event. */
export interface EventFields {
  type: string;
  actor: string;
  message: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** The shared columns of an event row (timeline, problem, change events). */
export function eventColumns(event: EventFields, at: string, time: DbTime) {
  return {
    type: event.type,
    actor: event.actor,
    at: time.toDb(at),
    message: event.message,
    before_json: event.before ? JSON.stringify(event.before) : null,
    after_json: event.after ? JSON.stringify(event.after) : null,
  };
}
