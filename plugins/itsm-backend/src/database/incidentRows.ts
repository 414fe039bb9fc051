import { Incident, Priority } from '@openitsm/backstage-plugin-itsm-common';
import { InputError } from '@backstage/errors';
import { IncidentChanges, IncidentFields } from './IncidentStore';
import { DbTime } from './DbTime';
import { SlaColumns, slaFromRow, slaToColumns } from './slaColumns';

/** A row of itsm_incidents. */
export type IncidentRow = {
  id: string;
  ref: string;
  title: string;
  description: string;
  primary_service: string;
  category: string;
  impact: Incident['impact'];
  urgency: Incident['urgency'];
  priority: Priority;
  status: Incident['status'];
  assignee: string | null;
  assigned_group: string | null;
  reporter: string;
  reporter_contact: string | null;
  source: Incident['source'];
  dedup_key: string | null;
  occurred_at: Date | string | null;
  detected_at: Date | string;
  acknowledged_at: Date | string | null;
  resolved_at: Date | string | null;
  closed_at: Date | string | null;
  resolution_code: Incident['resolutionCode'] | null;
  resolution_notes: string | null;
  problem_id: string | null;
  caused_by_change_id: string | null;
  major: boolean | number;
  reopen_count: number;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
} & SlaColumns;

/** Fields whose columns hold times. */
const TIME_FIELDS = new Set([
  'occurredAt',
  'detectedAt',
  'acknowledgedAt',
  'resolvedAt',
  'closedAt',
]);

const COLUMNS: Record<keyof IncidentFields, keyof IncidentRow | undefined> = {
  title: 'title',
  description: 'description',
  affectedServices: undefined,
  category: 'category',
  impact: 'impact',
  urgency: 'urgency',
  priority: 'priority',
  status: 'status',
  assignee: 'assignee',
  assignedGroup: 'assigned_group',
  reporter: 'reporter',
  reporterContact: 'reporter_contact',
  source: 'source',
  dedupKey: 'dedup_key',
  occurredAt: 'occurred_at',
  detectedAt: 'detected_at',
  acknowledgedAt: 'acknowledged_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  resolutionCode: 'resolution_code',
  resolutionNotes: 'resolution_notes',
  problemId: 'problem_id',
  causedByChangeId: 'caused_by_change_id',
  major: 'major',
  reopenCount: 'reopen_count',
  sla: undefined,
};

/** The itsm_incidents columns for set fields; `null` clears a column. */
export function incidentColumns(
  fields: IncidentChanges,
  time: DbTime,
): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    const column = COLUMNS[key as keyof IncidentFields];
    if (!column || value === undefined) continue;
    if (TIME_FIELDS.has(key)) {
      columns[column] = value === null ? null : time.toDb(value as string);
    } else {
      columns[column] = value;
    }
  }
  if (fields.sla) {
    Object.assign(columns, slaToColumns(fields.sla, time));
  }
  if (fields.affectedServices) {
    if (!fields.affectedServices.length) {
      throw new InputError('affectedServices must name at least one entity');
    }
    columns.primary_service = fields.affectedServices[0];
  }
  return columns;
}

/** An incident from its row, its services and the time its SLA is read at. */
export function incidentFromRow(
  row: IncidentRow,
  affectedServices: string[],
  now: string,
  time: DbTime,
): Incident {
  const t = (v: Date | string | null) =>
    v === null || v === undefined ? undefined : time.fromDb(v);
  const orUndefined = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    description: row.description,
    affectedServices,
    category: row.category,
    impact: row.impact,
    urgency: row.urgency,
    priority: row.priority,
    status: row.status,
    assignee: orUndefined(row.assignee),
    assignedGroup: orUndefined(row.assigned_group),
    reporter: row.reporter,
    reporterContact: orUndefined(row.reporter_contact),
    source: row.source,
    dedupKey: orUndefined(row.dedup_key),
    occurredAt: t(row.occurred_at),
    detectedAt: time.fromDb(row.detected_at),
    acknowledgedAt: t(row.acknowledged_at),
    resolvedAt: t(row.resolved_at),
    closedAt: t(row.closed_at),
    resolutionCode: orUndefined(row.resolution_code),
    resolutionNotes: orUndefined(row.resolution_notes),
    problemId: orUndefined(row.problem_id),
    causedByChangeId: orUndefined(row.caused_by_change_id),
    major: Boolean(row.major),
    reopenCount: Number(row.reopen_count),
    sla: slaFromRow(row, time, now),
    createdAt: time.fromDb(row.created_at),
    updatedAt: time.fromDb(row.updated_at),
    version: Number(row.version),
  };
}
