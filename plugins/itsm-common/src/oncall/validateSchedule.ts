import { DateTime } from 'luxon';
import { parseTimestamp } from '../time/parseTimestamp';
import type { OnCallSchedule } from './types';
import { layerProblems, timezoneProblems } from './validateLayer';

function isTimestamp(value: unknown): boolean {
  try {
    parseTimestamp('override', value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a schedule before it is stored or resolved.
 *
 * @remarks
 *
 * Checks the timezone, every layer (name, at least one user, rotation, handoff time and
 * weekday, start date), that layer names are unique, and that every override
 * names an existing layer and a user and has ISO 8601 bounds with `from`
 * before `to`.
 *
 * @returns the problems as `field: message` strings (e.g.
 * `layers[0].handoffTime: "25:00" must be 'HH:mm' (00:00–23:59)`); empty when
 * the schedule is valid.
 * @public
 */
export function validateOnCallSchedule(schedule: OnCallSchedule): string[] {
  if (typeof schedule !== 'object' || schedule === null) {
    return ['schedule: must be an object'];
  }
  const problems: string[] = [];
  if (typeof schedule.name !== 'string' || schedule.name.trim() === '') {
    problems.push('name: must be a non-empty string');
  }
  problems.push(...timezoneProblems(schedule.timezone, 'timezone'));
  const names = new Set<string>();
  if (!Array.isArray(schedule.layers)) {
    problems.push('layers: must be an array');
  } else {
    schedule.layers.forEach((layer, i) => {
      problems.push(...layerProblems(layer, `layers[${i}]`));
      // The rotation arithmetic takes an empty layer (nobody on call);
      // a schedule someone saves must put somebody on it.
      if (Array.isArray(layer?.users) && layer.users.length === 0) {
        problems.push(`layers[${i}].users: name at least one user to rotate`);
      }
      if (names.has(layer?.name)) {
        problems.push(
          `layers[${i}].name: ${JSON.stringify(layer.name)} is used twice`,
        );
      }
      names.add(layer?.name);
    });
  }
  if (!Array.isArray(schedule.overrides)) {
    problems.push('overrides: must be an array');
    return problems;
  }
  schedule.overrides.forEach((o, i) => {
    const path = `overrides[${i}]`;
    if (typeof o !== 'object' || o === null) {
      problems.push(`${path}: must be an object`);
      return;
    }
    if (!names.has(o.layer)) {
      problems.push(
        `${path}.layer: ${JSON.stringify(
          o.layer,
        )} is not a layer of the schedule`,
      );
    }
    if (typeof o.user !== 'string' || o.user.trim() === '') {
      problems.push(`${path}.user: must be a user entity ref`);
    }
    const fromOk = isTimestamp(o.from);
    const toOk = isTimestamp(o.to);
    if (!fromOk) {
      problems.push(
        `${path}.from: ${JSON.stringify(o.from)} is not an ISO 8601 timestamp`,
      );
    }
    if (!toOk) {
      problems.push(
        `${path}.to: ${JSON.stringify(o.to)} is not an ISO 8601 timestamp`,
      );
    }
    if (
      fromOk &&
      toOk &&
      DateTime.fromISO(o.to, { zone: 'utc' }) <=
        DateTime.fromISO(o.from, { zone: 'utc' })
    ) {
      problems.push(`${path}.to: must be after from`);
    }
  });
  return problems;
}
