import { DateTime, Interval } from 'luxon';
import { ChangeConflict, ChangeFreeze } from './types';

/**
 * A planned window on some services, as conflict detection sees it.
 * @public
 */
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
 * The ids of the changes that overlap another one on a shared service, in
 * one sweep per service (a calendar holds hundreds of changes). Same
 * half-open rule as {@link windowsOverlap}.
 * @public
 */
export function overlappingChangeIds(changes: ScheduledChange[]): Set<string> {
  const byService = new Map<
    string,
    Array<{ id: string; start: number; end: number }>
  >();
  for (const change of changes) {
    const start = DateTime.fromISO(change.start, { zone: 'utc' }).toMillis();
    const end = DateTime.fromISO(change.end, { zone: 'utc' }).toMillis();
    for (const service of new Set(change.services)) {
      const list = byService.get(service) ?? [];
      list.push({ id: change.id, start, end });
      byService.set(service, list);
    }
  }
  const overlapping = new Set<string>();
  for (const windows of byService.values()) {
    windows.sort((a, b) => a.start - b.start);
    let active: typeof windows = [];
    for (const window of windows) {
      active = active.filter(a => a.end > window.start);
      for (const other of active) {
        if (other.id !== window.id && window.start < window.end) {
          overlapping.add(other.id);
          overlapping.add(window.id);
        }
      }
      if (window.start < window.end) active.push(window);
    }
  }
  return overlapping;
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
