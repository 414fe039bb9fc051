import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { IncidentChanges, IncidentFields } from '../database/IncidentStore';

/** A timeline entry for changed plain fields. */
export interface FieldChangeEvent {
  message: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * The timeline entry for changed plain fields of any record: a sentence plus
 * the before and after values of just those fields. Long text fields are
 * named without their values. Undefined when nothing changed.
 */
export function describeFieldChanges<T extends object>(
  current: T,
  changes: Partial<Record<keyof T, unknown>>,
  options: {
    fields: ReadonlyArray<keyof T & string>;
    longFields?: ReadonlyArray<keyof T & string>;
    /** A sentence of its own for a field, e.g. a derived one. */
    phrase?: (key: keyof T & string) => string | undefined;
    /** Record a missing value as null rather than leaving it out. */
    missingAsNull?: boolean;
  },
): FieldChangeEvent | undefined {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const key of options.fields) {
    if (!(key in changes)) continue;
    const was = current[key] as unknown;
    const now = changes[key];
    before[key] = options.missingAsNull ? was ?? null : was;
    after[key] = options.missingAsNull ? now ?? null : now;
    const special = options.phrase?.(key);
    if (special) {
      parts.push(special);
    } else if (options.longFields?.includes(key)) {
      parts.push(key);
    } else {
      parts.push(`${key} ${format(was)} → ${format(now)}`);
    }
  }
  if (!parts.length) return undefined;
  return { message: `Changed ${parts.join('; ')}`, before, after };
}

const DESCRIBED: Array<keyof IncidentFields & keyof Incident> = [
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'priority',
  'affectedServices',
  'reporterContact',
  'occurredAt',
];

/** The timeline entry for an incident's changed plain fields. */
export function describeChanges(
  current: Incident,
  changes: IncidentChanges,
): FieldChangeEvent | undefined {
  return describeFieldChanges(current, changes, {
    fields: DESCRIBED,
    longFields: ['description'],
    phrase: key =>
      key === 'priority'
        ? `priority ${current.priority} → ${changes.priority} (recomputed from impact × urgency)`
        : undefined,
  });
}

function format(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === undefined || value === null || value === '') return '(none)';
  return String(value);
}
