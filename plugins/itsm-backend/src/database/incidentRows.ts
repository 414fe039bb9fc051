import {
  Incident,
  IncidentField,
  Priority,
} from '@openitsm/backstage-plugin-itsm-common';
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

/** What every field of an incident is read with, besides its row. */
interface ReadContext {
  affectedServices: string[];
  now: string;
  time: DbTime;
}

type Time = Date | string | null;
const orUndefined = <T>(v: T | null) => (v === null ? undefined : v);
const timeOf = (v: Time, { time }: ReadContext) =>
  v === null || v === undefined ? undefined : time.fromDb(v);

/** The SLA clocks read every one of these columns. */
const SLA_COLUMNS = [
  'status',
  'acknowledged_at',
  'resolved_at',
  'sla_policy',
  'sla_pauses',
  'resolution_business_ms',
  ...['response', 'resolution'].flatMap(kind =>
    [
      'due_at',
      'warning_at',
      'warned_at',
      'breached_at',
      'target_minutes',
      'calendar',
    ].map(column => `${kind}_${column}`),
  ),
];

/**
 * Each field of an incident: the columns it is read from and how. One
 * definition for whole incidents and for lists that ask for some `fields`.
 */
const FIELDS: {
  [K in keyof Incident]-?: {
    columns: readonly string[];
    read: (row: IncidentRow, context: ReadContext) => Incident[K];
  };
} = {
  id: { columns: ['id'], read: row => row.id },
  ref: { columns: ['ref'], read: row => row.ref },
  title: { columns: ['title'], read: row => row.title },
  description: { columns: ['description'], read: row => row.description },
  // Read by its own subquery (affectedServicesColumn)
  affectedServices: { columns: [], read: (_, c) => c.affectedServices },
  category: { columns: ['category'], read: row => row.category },
  impact: { columns: ['impact'], read: row => row.impact },
  urgency: { columns: ['urgency'], read: row => row.urgency },
  priority: { columns: ['priority'], read: row => row.priority },
  status: { columns: ['status'], read: row => row.status },
  assignee: { columns: ['assignee'], read: row => orUndefined(row.assignee) },
  assignedGroup: {
    columns: ['assigned_group'],
    read: row => orUndefined(row.assigned_group),
  },
  reporter: { columns: ['reporter'], read: row => row.reporter },
  reporterContact: {
    columns: ['reporter_contact'],
    read: row => orUndefined(row.reporter_contact),
  },
  source: { columns: ['source'], read: row => row.source },
  dedupKey: { columns: ['dedup_key'], read: row => orUndefined(row.dedup_key) },
  occurredAt: {
    columns: ['occurred_at'],
    read: (row, c) => timeOf(row.occurred_at, c),
  },
  detectedAt: {
    columns: ['detected_at'],
    read: (row, c) => c.time.fromDb(row.detected_at),
  },
  acknowledgedAt: {
    columns: ['acknowledged_at'],
    read: (row, c) => timeOf(row.acknowledged_at, c),
  },
  resolvedAt: {
    columns: ['resolved_at'],
    read: (row, c) => timeOf(row.resolved_at, c),
  },
  closedAt: {
    columns: ['closed_at'],
    read: (row, c) => timeOf(row.closed_at, c),
  },
  resolutionCode: {
    columns: ['resolution_code'],
    read: row => orUndefined(row.resolution_code),
  },
  resolutionNotes: {
    columns: ['resolution_notes'],
    read: row => orUndefined(row.resolution_notes),
  },
  problemId: {
    columns: ['problem_id'],
    read: row => orUndefined(row.problem_id),
  },
  causedByChangeId: {
    columns: ['caused_by_change_id'],
    read: row => orUndefined(row.caused_by_change_id),
  },
  major: { columns: ['major'], read: row => Boolean(row.major) },
  reopenCount: {
    columns: ['reopen_count'],
    read: row => Number(row.reopen_count),
  },
  sla: {
    columns: SLA_COLUMNS,
    read: (row, c) => slaFromRow(row, c.time, c.now),
  },
  createdAt: {
    columns: ['created_at'],
    read: (row, c) => c.time.fromDb(row.created_at),
  },
  updatedAt: {
    columns: ['updated_at'],
    read: (row, c) => c.time.fromDb(row.updated_at),
  },
  version: { columns: ['version'], read: row => Number(row.version) },
};

/** Every field of an incident, in the API's order. */
export const INCIDENT_FIELDS = Object.keys(FIELDS) as IncidentField[];

/** Whether a name is a field of an incident. */
export function isIncidentField(name: string): name is IncidentField {
  return Object.prototype.hasOwnProperty.call(FIELDS, name);
}

/** The itsm_incidents columns some fields are read from. */
export function incidentFieldColumns(
  fields: readonly IncidentField[],
): string[] {
  return [...new Set(fields.flatMap(field => FIELDS[field].columns))];
}

/**
 * Some fields of an incident from its row (which holds at least their
 * columns), its services and the time its SLA is read at.
 */
export function incidentFieldsFromRow<F extends IncidentField>(
  row: IncidentRow,
  fields: readonly F[],
  affectedServices: string[],
  now: string,
  time: DbTime,
): Pick<Incident, F> {
  const context = { affectedServices, now, time };
  const incident = {} as Record<F, unknown>;
  for (const field of fields)
    incident[field] = FIELDS[field].read(row, context);
  return incident as Pick<Incident, F>;
}
