import { DateTime, IANAZone } from 'luxon';
import { parseTimeOfDay } from '../sla/timeOfDay';
import type { OnCallLayer } from './types';

/**
 * Field-level checks of schedules, shared by `validateOnCallSchedule` and the
 * rotation arithmetic (which throws on the first problem).
 */

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROTATION_TYPES: readonly string[] = ['daily', 'weekly', 'custom'];

/** Problems with an IANA timezone, as `path: message` strings. */
export function timezoneProblems(timezone: unknown, path: string): string[] {
  return typeof timezone === 'string' && IANAZone.isValidZone(timezone)
    ? []
    : [`${path}: ${JSON.stringify(timezone)} is not an IANA timezone`];
}

/** Whether a value is a valid local calendar date `'YYYY-MM-DD'`. */
export function isLocalDate(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    LOCAL_DATE.test(value) &&
    DateTime.fromISO(value, { zone: 'utc' }).isValid
  );
}

/** Problems with one layer, each prefixed with `path` (e.g. `layers[0]`). */
export function layerProblems(layer: OnCallLayer, path: string): string[] {
  const problems: string[] = [];
  const add = (field: string, message: string) =>
    problems.push(`${path}.${field}: ${message}`);
  if (typeof layer !== 'object' || layer === null) {
    return [`${path}: must be an object`];
  }
  if (typeof layer.name !== 'string' || layer.name.trim() === '') {
    add('name', 'must be a non-empty string');
  }
  if (
    !Array.isArray(layer.users) ||
    layer.users.some(u => typeof u !== 'string' || u.trim() === '')
  ) {
    add('users', 'must be an array of user entity refs');
  }
  const rotation = layer.rotation;
  if (
    typeof rotation !== 'object' ||
    rotation === null ||
    !ROTATION_TYPES.includes(rotation.type)
  ) {
    add('rotation.type', `must be one of ${ROTATION_TYPES.join(', ')}`);
  } else if (
    rotation.type === 'custom' &&
    !(
      typeof rotation.lengthHours === 'number' &&
      Number.isFinite(rotation.lengthHours) &&
      rotation.lengthHours > 0
    )
  ) {
    add(
      'rotation.lengthHours',
      `${JSON.stringify(
        rotation.lengthHours,
      )} must be a positive number of hours for a custom rotation`,
    );
  }
  if (!parseTimeOfDay(layer.handoffTime, { allowEndOfDay: false })) {
    add(
      'handoffTime',
      `${JSON.stringify(layer.handoffTime)} must be 'HH:mm' (00:00–23:59)`,
    );
  }
  if (
    layer.handoffWeekday !== undefined &&
    !(
      Number.isInteger(layer.handoffWeekday) &&
      layer.handoffWeekday >= 1 &&
      layer.handoffWeekday <= 7
    )
  ) {
    add(
      'handoffWeekday',
      `${JSON.stringify(
        layer.handoffWeekday,
      )} must be 1 (Monday) to 7 (Sunday)`,
    );
  }
  if (!isLocalDate(layer.startDate)) {
    add(
      'startDate',
      `${JSON.stringify(layer.startDate)} must be a date 'YYYY-MM-DD'`,
    );
  }
  return problems;
}
