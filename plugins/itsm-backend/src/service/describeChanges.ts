import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { IncidentChanges, IncidentFields } from '../database/IncidentStore';

const DESCRIBED: Array<keyof IncidentFields> = [
  'title',
  'description',
  'category',
  'impact',
  'urgency',
  'priority',
  'affectedServices',
  'reporterContact',
];

/**
 * The timeline entry for changed plain fields: a sentence plus the before
 * and after values of just those fields. Undefined when nothing changed.
 */
export function describeChanges(
  current: Incident,
  changes: IncidentChanges,
):
  | {
      message: string;
      before: Record<string, unknown>;
      after: Record<string, unknown>;
    }
  | undefined {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const parts: string[] = [];
  for (const key of DESCRIBED) {
    if (!(key in changes)) continue;
    before[key] = current[key];
    after[key] = changes[key];
    if (key === 'description') {
      parts.push('description');
    } else if (key === 'priority') {
      parts.push(
        `priority ${current.priority} → ${changes.priority} (recomputed from impact × urgency)`,
      );
    } else {
      parts.push(`${key} ${format(current[key])} → ${format(changes[key])}`);
    }
  }
  if (!parts.length) return undefined;
  return { message: `Changed ${parts.join('; ')}`, before, after };
}

function format(value: unknown): string {
  if (Array.isArray(value)) return value.join(', ');
  if (value === undefined || value === null || value === '') return '(none)';
  return String(value);
}
