import { DateTime, Interval } from 'luxon';
import { ChangeConflict, ChangeFreeze } from './types';

/** A planned window on some services, as conflict detection sees it. */
export interface ScheduledWindow {
  services: string[];
  start: string;
  end: string;
}

/** @public */
export interface ScheduledChange extends ScheduledWindow {
  id: string;
  ref: string;
  title: string;
}

function interval(start: string, end: string): Interval {
  return Interval.fromDateTimes(
    DateTime.fromISO(start, { zone: 'utc' }),
    DateTime.fromISO(end, { zone: 'utc' }),
  );
}

/**
 * Half-open windows [start, end): one ending exactly when the other starts
 * does not overlap it.
 * @public
 */
export function windowsOverlap(
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean {
  return interval(a.start, a.end).overlaps(interval(b.start, b.end));
}

function freezeApplies(freeze: ChangeFreeze, services: string[]): boolean {
  return !freeze.services || freeze.services.some(s => services.includes(s));
}

/**
 * The freezes a window falls into, and the other changes overlapping it on
 * one of its services (one conflict per service and change).
 * @public
 */
export function findChangeConflicts(
  candidate: ScheduledWindow & { id?: string },
  others: ScheduledChange[],
  freezes: ChangeFreeze[],
): ChangeConflict[] {
  const conflicts: ChangeConflict[] = [];
  for (const other of others) {
    if (other.id === candidate.id || !windowsOverlap(candidate, other)) {
      continue;
    }
    for (const service of candidate.services) {
      if (other.services.includes(service)) {
        conflicts.push({
          kind: 'overlap',
          service,
          changeId: other.id,
          changeRef: other.ref,
          title: other.title,
          start: other.start,
          end: other.end,
        });
      }
    }
  }
  for (const freeze of freezes) {
    if (
      freezeApplies(freeze, candidate.services) &&
      windowsOverlap(candidate, { start: freeze.from, end: freeze.to })
    ) {
      conflicts.push({
        kind: 'freeze',
        freeze: freeze.name,
        services: freeze.services ?? 'all',
        start: freeze.from,
        end: freeze.to,
      });
    }
  }
  return conflicts;
}

/**
 * Checks a planned window: both ISO timestamps, start before end. Returns
 * the problem, naming the field, or undefined.
 * @public
 */
export function checkPlannedWindow(
  start: string,
  end: string,
  fields: [string, string] = ['plannedStart', 'plannedEnd'],
): string | undefined {
  const s = DateTime.fromISO(start, { zone: 'utc' });
  const e = DateTime.fromISO(end, { zone: 'utc' });
  if (!s.isValid) return `${fields[0]} must be an ISO 8601 date-time`;
  if (!e.isValid) return `${fields[1]} must be an ISO 8601 date-time`;
  if (e <= s) return `${fields[1]} must be after ${fields[0]}`;
  return undefined;
}
