import { InputError } from '@backstage/errors';
import {
  INCIDENT_STATUSES,
  IncidentStatus,
  isIncidentStatus,
  isPriority,
  PRIORITIES,
  Priority,
} from '@openitsm/backstage-plugin-itsm-common';
import { normalizeEntityRef } from '../service/entityRefs';

/** Comma-separated values, each checked; the error names the field. */
export function parseList<T extends string>(
  field: string,
  value: string | undefined,
  isValid: (v: string) => v is T,
  allowed: readonly string[],
): T[] | undefined {
  if (!value) return undefined;
  const items = value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!isValid(item)) {
      throw new InputError(
        `${field}: "${item}" is not one of ${allowed.join(', ')}`,
      );
    }
  }
  return items as T[];
}

export function parseStatuses(value?: string): IncidentStatus[] | undefined {
  return parseList('status', value, isIncidentStatus, INCIDENT_STATUSES);
}

export function parsePriorities(value?: string): Priority[] | undefined {
  return parseList('priority', value, isPriority, PRIORITIES);
}

export function parseTimeParam(
  field: string,
  value?: string,
): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(
      `${field} must be an ISO 8601 date or date-time, got "${value}"`,
    );
  }
  return new Date(ms).toISOString();
}

export function parseEntityRefParam(
  field: string,
  value?: string,
  defaultKind = 'component',
): string | undefined {
  if (!value) return undefined;
  try {
    return normalizeEntityRef(value, defaultKind);
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity ref; use kind:namespace/name`,
    );
  }
}
