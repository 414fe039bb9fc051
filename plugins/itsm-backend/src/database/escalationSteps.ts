import { OPEN_INCIDENT_STATUSES } from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';
import { withKpiRollup } from './kpiRollup';
import { eventColumns } from './eventColumns';
import { NewTimelineEvent } from './IncidentStore';
import { isUniqueViolation } from './uniqueViolation';

/** An open incident the escalation task looks at. */
export interface EscalationCandidate {
  id: string;
  ref: string;
  title: string;
  priority: string;
  status: string;
  assignedGroup?: string;
  assignee?: string;
  detectedAt: string;
  responseWarnedAt?: string;
  responseBreachedAt?: string;
  resolutionWarnedAt?: string;
  resolutionBreachedAt?: string;
  version: number;
  /** Steps already fired for it. */
  firedSteps: string[];
}

/** A reassignment done together with an escalation step. */
export interface EscalationReassignment {
  assignedGroup: string;
  assignee: string | null;
}

/**
 * Open incidents that may need an escalation step: not yet acknowledged and
 * detected before `unacknowledgedBefore`, or with an SLA warning or breach
 * recorded. Bounded, oldest first.
 */
export async function findEscalationCandidates(
  db: Knex,
  time: DbTime,
  options: {
    unacknowledgedBefore: string;
    limit: number;
  },
): Promise<EscalationCandidate[]> {
  const open = OPEN_INCIDENT_STATUSES.filter(s => s !== 'on_hold');
  const rows = await db('itsm_incidents')
    .select(
      'id',
      'ref',
      'title',
      'priority',
      'status',
      'assigned_group',
      'assignee',
      'detected_at',
      'response_warned_at',
      'response_breached_at',
      'resolution_warned_at',
      'resolution_breached_at',
      'version',
    )
    .whereIn('status', open)
    .where(q =>
      q
        .where(unack =>
          unack
            .where('status', 'new')
            .where(
              'detected_at',
              '<=',
              time.toDb(options.unacknowledgedBefore),
            ),
        )
        .orWhereNotNull('response_warned_at')
        .orWhereNotNull('resolution_warned_at')
        .orWhereNotNull('response_breached_at')
        .orWhereNotNull('resolution_breached_at'),
    )
    .orderBy('detected_at')
    .limit(options.limit);
  if (!rows.length) return [];
  const steps = await db('itsm_escalation_steps')
    .select('incident_id', 'step')
    .whereIn(
      'incident_id',
      rows.map(r => r.id),
    );
  const fired = new Map<string, string[]>();
  for (const s of steps) {
    fired.set(s.incident_id, [...(fired.get(s.incident_id) ?? []), s.step]);
  }
  const opt = (v: unknown) =>
    v === null || v === undefined ? undefined : time.fromDb(v as string);
  return rows.map(r => ({
    id: r.id,
    ref: r.ref,
    title: r.title,
    priority: r.priority,
    status: r.status,
    assignedGroup: r.assigned_group ?? undefined,
    assignee: r.assignee ?? undefined,
    detectedAt: time.fromDb(r.detected_at),
    responseWarnedAt: opt(r.response_warned_at),
    responseBreachedAt: opt(r.response_breached_at),
    resolutionWarnedAt: opt(r.resolution_warned_at),
    resolutionBreachedAt: opt(r.resolution_breached_at),
    version: r.version,
    firedSteps: fired.get(r.id) ?? [],
  }));
}

/**
 * Fires one escalation step of an incident: marks it, appends its timeline
 * event and applies the reassignment, if any, in one transaction.
 *
 * @returns false when the step had fired already (here or on another
 *   replica); nothing is written then.
 */
export async function fireEscalationStep(
  db: Knex,
  time: DbTime,
  incidentId: string,
  step: string,
  event: NewTimelineEvent,
  at: string,
  reassignment?: EscalationReassignment,
): Promise<boolean> {
  try {
    return await db.transaction(async tx => {
      const done = await tx('itsm_escalation_steps')
        .where({ incident_id: incidentId, step })
        .first();
      if (done) return false;
      await tx('itsm_escalation_steps').insert({
        incident_id: incidentId,
        step,
        fired_at: time.toDb(at),
      });
      if (reassignment) {
        // The assigned group is a KPI dimension: its rollups move with it.
        await withKpiRollup(tx, time, incidentId, () =>
          tx('itsm_incidents')
            .where({ id: incidentId })
            .update({
              assigned_group: reassignment.assignedGroup,
              assignee: reassignment.assignee,
              version: tx.raw('version + 1'),
              updated_at: time.toDb(at),
            }),
        );
      }
      await tx('itsm_timeline_events').insert({
        incident_id: incidentId,
        ...eventColumns(event, at, time),
      });
      return true;
    });
  } catch (error) {
    // Another replica inserted the same step between our read and insert.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
