import { Change } from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { ChangeFields, ChangeUpdate } from './ChangeStore';
import { DbTime } from './DbTime';

type Time = Date | string;

/** A row of itsm_changes. */
export type ChangeRow = {
  id: string;
  ref: string;
  title: string;
  description: string;
  type: Change['type'];
  risk: Change['risk'];
  status: Change['status'];
  primary_service: string;
  requester: string;
  planned_start: Time;
  planned_end: Time;
  actual_start: Time | null;
  actual_end: Time | null;
  implementation_plan: string;
  backout_plan: string;
  test_plan: string;
  problem_ref: string | null;
  outcome: Change['outcome'] | null;
  outcome_notes: string | null;
  freeze_override_reason: string | null;
  approval_round: number;
  closed_at: Time | null;
  version: number;
  created_at: Time;
  updated_at: Time;
};

const COLUMNS: Record<keyof ChangeFields, keyof ChangeRow | undefined> = {
  title: 'title',
  description: 'description',
  type: 'type',
  risk: 'risk',
  status: 'status',
  affectedServices: undefined,
  requester: 'requester',
  plannedStart: 'planned_start',
  plannedEnd: 'planned_end',
  actualStart: 'actual_start',
  actualEnd: 'actual_end',
  implementationPlan: 'implementation_plan',
  backoutPlan: 'backout_plan',
  testPlan: 'test_plan',
  problemRef: 'problem_ref',
  outcome: 'outcome',
  outcomeNotes: 'outcome_notes',
  freezeOverrideReason: 'freeze_override_reason',
  approvalRound: 'approval_round',
  closedAt: 'closed_at',
};

const TIME_FIELDS = new Set([
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'closedAt',
]);

/** The itsm_changes columns for the given fields (`null` clears). */
export function changeToColumns(
  fields: ChangeUpdate,
  time: DbTime,
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof ChangeFields];
    if (!column || value === undefined) continue;
    columns[column] =
      TIME_FIELDS.has(key) && value !== null
        ? time.toDb(value as string)
        : value;
  }
  if (fields.affectedServices) {
    columns.primary_service = fields.affectedServices[0];
  }
  return columns;
}

/**
 * One itsm_change_services row per service, the first the primary; each
 * copies the change's window and status so a service's changes read from
 * its own index.
 */
export async function insertChangeServices(
  tx: Knex,
  time: DbTime,
  changeId: string,
  fields: Pick<
    ChangeFields,
    'affectedServices' | 'status' | 'plannedStart' | 'plannedEnd'
  >,
): Promise<void> {
  const unique = [...new Set(fields.affectedServices)];
  await tx('itsm_change_services').insert(
    unique.map((entityRef, index) => ({
      change_id: changeId,
      entity_ref: entityRef,
      is_primary: index === 0,
      planned_start: time.toDb(fields.plannedStart),
      planned_end: time.toDb(fields.plannedEnd),
      status: fields.status,
    })),
  );
}

/** The changes of `rows`, with their services (primary first) in one query. */
export async function changesWithServices(
  db: Knex,
  time: DbTime,
  rows: ChangeRow[],
): Promise<Change[]> {
  if (!rows.length) return [];
  const links = await db('itsm_change_services')
    .whereIn(
      'change_id',
      rows.map(r => r.id),
    )
    .orderBy([
      { column: 'change_id' },
      { column: 'is_primary', order: 'desc' },
      { column: 'entity_ref' },
    ])
    .select('change_id', 'entity_ref');
  const services = new Map<string, string[]>();
  for (const link of links) {
    const list = services.get(link.change_id) ?? [];
    list.push(link.entity_ref);
    services.set(link.change_id, list);
  }
  return rows.map(row => changeFromRow(row, services.get(row.id) ?? [], time));
}

function changeFromRow(
  row: ChangeRow,
  services: string[],
  time: DbTime,
): Change {
  const t = (v: Time | null) => (v === null ? undefined : time.fromDb(v));
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    type: row.type,
    risk: row.risk,
    status: row.status,
    affectedServices: services,
    requester: row.requester,
    plannedStart: time.fromDb(row.planned_start),
    plannedEnd: time.fromDb(row.planned_end),
    actualStart: t(row.actual_start),
    actualEnd: t(row.actual_end),
    implementationPlan: row.implementation_plan,
    backoutPlan: row.backout_plan,
    testPlan: row.test_plan,
    problemRef: opt(row.problem_ref),
    outcome: opt(row.outcome),
    outcomeNotes: opt(row.outcome_notes),
    freezeOverrideReason: opt(row.freeze_override_reason),
    approvalRound: Number(row.approval_round),
    closedAt: t(row.closed_at),
    createdAt: time.fromDb(row.created_at),
    updatedAt: time.fromDb(row.updated_at),
    version: Number(row.version),
  };
}
