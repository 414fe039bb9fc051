import {
  Problem,
  ProblemFixChange,
  ProblemStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { DbTime } from './DbTime';
import { ProblemChanges, ProblemFields } from './ProblemStore';

/** A row of itsm_problems. */
export type ProblemRow = {
  id: string;
  ref: string;
  title: string;
  description: string;
  status: ProblemStatus;
  root_cause: string | null;
  fix_change_ref: string | null;
  owner_group: string | null;
  assignee: string | null;
  created_by: string;
  resolved_at: Date | string | null;
  closed_at: Date | string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

const COLUMNS: Partial<Record<keyof ProblemFields, keyof ProblemRow>> = {
  title: 'title',
  description: 'description',
  status: 'status',
  rootCause: 'root_cause',
  ownerGroup: 'owner_group',
  assignee: 'assignee',
  createdBy: 'created_by',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
};
const TIME_FIELDS = new Set(['resolvedAt', 'closedAt']);

type FixChangeRow = {
  id: string;
  ref: string;
  title: string;
  status: ProblemFixChange['status'];
  outcome: ProblemFixChange['outcome'] | null;
  planned_start: Date | string;
  planned_end: Date | string;
  problem_ref: string;
};

/** The itsm_problems columns of the fields given (times in the database's form). */
export function problemColumns(
  fields: ProblemChanges,
  time: DbTime,
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof ProblemFields];
    if (!column || value === undefined) continue;
    columns[column] =
      TIME_FIELDS.has(key) && value !== null
        ? time.toDb(value as string)
        : value;
  }
  return columns;
}

/** Services, incident counts and fix changes for a page of rows, in three queries. */
export async function hydrateProblems(
  db: Knex,
  time: DbTime,
  rows: ProblemRow[],
): Promise<Problem[]> {
  if (!rows.length) return [];
  const ids = rows.map(r => r.id);
  const [services, counts, changes] = await Promise.all([
    db('itsm_problem_services')
      .whereIn('problem_id', ids)
      .orderBy(['problem_id', 'entity_ref'])
      .select('problem_id', 'entity_ref', 'added_by_hand') as Promise<
      Array<{
        problem_id: string;
        entity_ref: string;
        added_by_hand: boolean | number;
      }>
    >,
    db('itsm_incidents')
      .whereIn('problem_id', ids)
      .groupBy('problem_id')
      .select('problem_id')
      .count({ count: '*' }) as Promise<
      Array<{ problem_id: string; count: number | string }>
    >,
    db('itsm_changes')
      .whereIn(
        'problem_ref',
        rows.map(r => r.ref),
      )
      .orderBy([
        { column: 'problem_ref' },
        { column: 'created_at' },
        { column: 'id' },
      ])
      .select(
        'id',
        'ref',
        'title',
        'status',
        'outcome',
        'planned_start',
        'planned_end',
        'problem_ref',
      ) as Promise<FixChangeRow[]>,
  ]);
  const t = (v: Date | string | null) =>
    v === null ? undefined : time.fromDb(v);
  return rows.map(row => {
    const mine = services.filter(s => s.problem_id === row.id);
    return {
      id: row.id,
      ref: row.ref,
      title: row.title,
      description: row.description,
      status: row.status,
      affectedServices: [...new Set(mine.map(s => s.entity_ref))],
      addedServices: mine
        .filter(s => Boolean(s.added_by_hand))
        .map(s => s.entity_ref),
      rootCause: row.root_cause ?? undefined,
      fixChanges: changes
        .filter(c => c.problem_ref === row.ref)
        .map(
          (c): ProblemFixChange => ({
            id: c.id,
            ref: c.ref,
            title: c.title,
            status: c.status,
            outcome: c.outcome ?? undefined,
            plannedStart: time.fromDb(c.planned_start),
            plannedEnd: time.fromDb(c.planned_end),
          }),
        ),
      ownerGroup: row.owner_group ?? undefined,
      assignee: row.assignee ?? undefined,
      createdBy: row.created_by,
      incidentCount: Number(
        counts.find(c => c.problem_id === row.id)?.count ?? 0,
      ),
      resolvedAt: t(row.resolved_at),
      closedAt: t(row.closed_at),
      createdAt: time.fromDb(row.created_at),
      updatedAt: time.fromDb(row.updated_at),
      version: Number(row.version),
    };
  });
}
