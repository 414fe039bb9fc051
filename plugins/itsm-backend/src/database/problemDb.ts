import { eventColumns } from './eventColumns';
import { Page, ProblemEvent } from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { oldestFirstEvents } from './keysetPage';
import { DbTime } from './DbTime';
import { NewTimelineEvent } from './IncidentStore';
import { NewProblemEvent } from './ProblemStore';

export async function insertProblemEvents(
  tx: Knex,
  time: DbTime,
  subjectKind: ProblemEvent['subjectKind'],
  subjectId: string,
  events: NewProblemEvent[],
  at: string,
): Promise<void> {
  if (!events.length) return;
  await tx('itsm_problem_events').insert(
    events.map(event => ({
      subject_kind: subjectKind,
      subject_id: subjectId,
      ...eventColumns(event, at, time),
    })),
  );
}

/** An entry on an incident's own timeline (itsm_timeline_events). */
export async function insertIncidentEvent(
  tx: Knex,
  time: DbTime,
  incidentId: string,
  event: NewTimelineEvent,
  at: string,
): Promise<void> {
  await tx('itsm_timeline_events').insert({
    incident_id: incidentId,
    ...eventColumns(event, at, time),
  });
}

type EventRow = {
  id: number | string;
  subject_kind: ProblemEvent['subjectKind'];
  subject_id: string;
  type: ProblemEvent['type'];
  actor: string;
  at: Date | string;
  message: string;
  before_json: string | null;
  after_json: string | null;
};

/** A problem's or workaround's audit trail, oldest first. */
export async function listProblemEvents(
  db: Knex,
  time: DbTime,
  subjectKind: ProblemEvent['subjectKind'],
  subjectId: string,
  options: { limit: number; cursor?: string },
): Promise<Page<ProblemEvent>> {
  return oldestFirstEvents(
    db<EventRow>('itsm_problem_events').where({
      subject_kind: subjectKind,
      subject_id: subjectId,
    }),
    options,
    (row: EventRow): ProblemEvent => ({
      id: String(row.id),
      subjectKind: row.subject_kind,
      subjectId: row.subject_id,
      type: row.type,
      actor: row.actor,
      at: time.fromDb(row.at),
      message: row.message,
      before: row.before_json ? JSON.parse(row.before_json) : undefined,
      after: row.after_json ? JSON.parse(row.after_json) : undefined,
    }),
  );
}

/** `!` escapes LIKE wildcards in every SQL dialect. */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, c => `!${c}`);
}
