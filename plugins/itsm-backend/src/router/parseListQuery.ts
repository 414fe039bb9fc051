import { InputError } from '@backstage/errors';
import {
  INCIDENT_STATUSES,
  IncidentField,
  IncidentStatus,
  isIncidentStatus,
  isPriority,
  parseTimestamp,
  PRIORITIES,
  Priority,
} from '@openitsm/backstage-plugin-itsm-common';
import { normalizeEntityRef } from '../service/entityRefs';
import { INCIDENT_FIELDS, isIncidentField } from '../database/incidentRows';

// What the spec cannot say about query strings: the validator has checked
// types and lengths; these split lists, normalize refs and times, and name
// the field in their 400s.

/** Comma-separated values, each checked; the error names the field. */
export function parseList<T extends string>(
  field: string,
  value: string | undefined,
  isValid: (v: string) => v is T,
  allowed: readonly string[],
): T[] | undefined {
  if (!value) return undefined;
  const items = splitList(value);
  const result: T[] = [];
  for (const item of items) {
    if (!isValid(item)) {
      throw new InputError(
        `${field}: "${item}" is not one of ${allowed.join(', ')}`,
      );
    }
    result.push(item);
  }
  return result;
}

export function parseStatuses(value?: string): IncidentStatus[] | undefined {
  return parseList('status', value, isIncidentStatus, INCIDENT_STATUSES);
}

export function parsePriorities(value?: string): Priority[] | undefined {
  return parseList('priority', value, isPriority, PRIORITIES);
}

/** A list's `fields`: names of incident fields, comma-separated. */
export function parseIncidentFields(
  value?: string,
): IncidentField[] | undefined {
  return parseList('fields', value, isIncidentField, INCIDENT_FIELDS);
}

/** The most items a list, timeline or event page returns (the spec's maximum). */
export const MAX_LIMIT = 500;

/**
 * An integer query parameter, read from the query string as the caller wrote
 * it: the spec's validator coerces (`Infinity`, `0x10`, `1e2` pass as
 * numbers), so the raw text must be one plain decimal integer in the range.
 */
export function parseIntegerQuery(
  req: { originalUrl: string },
  field: string,
  range: { min: number; max: number },
): number | undefined {
  const query = req.originalUrl.split('?')[1] ?? '';
  const given = new URLSearchParams(query).getAll(field);
  if (given.length === 0) return undefined;
  const [raw] = given;
  const value = Number(raw);
  if (
    given.length > 1 ||
    !/^(0|[1-9]\d{0,8})$/.test(raw) ||
    value < range.min ||
    value > range.max
  ) {
    throw new InputError(
      `${field} must be an integer from ${range.min} to ${
        range.max
      }, got ${JSON.stringify(given.length > 1 ? given.join(',') : raw)}`,
    );
  }
  return value;
}

/** `limit`: 1 to {@link MAX_LIMIT}, else `fallback` when absent. */
export function parseLimit(
  req: { originalUrl: string },
  fallback: number,
): number {
  return (
    parseIntegerQuery(req, 'limit', { min: 1, max: MAX_LIMIT }) ?? fallback
  );
}

/** A date or date-time, as an ISO 8601 UTC string (see parseTimestamp). */
export function parseTimeParam(
  field: string,
  value?: string,
): string | undefined {
  return value ? parseTimestamp(field, value) : undefined;
}

/** An entity ref in its full form (`kind:namespace/name`), if given. */
export function parseEntityRefParam(
  field: string,
  value?: string,
  defaultKind = 'component',
): string | undefined {
  return value ? toEntityRef(field, value, defaultKind) : undefined;
}

/** Comma-separated entity refs; the error names the item, e.g. `services[1]`. */
export function parseEntityRefList(
  field: string,
  value?: string,
  defaultKind = 'component',
): string[] {
  return splitList(value ?? '').map((item, i) =>
    toEntityRef(`${field}[${i}]`, item, defaultKind),
  );
}

function toEntityRef(field: string, value: string, defaultKind: string) {
  try {
    return normalizeEntityRef(value, defaultKind);
  } catch {
    throw new InputError(
      `${field}: "${value}" is not an entity ref; use kind:namespace/name`,
    );
  }
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);
}
