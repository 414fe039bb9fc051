import { effectiveShifts } from './OnCallResolver';
import type { OnCallSchedule, OnCallShift } from './types';

/**
 * One user's duty on a schedule over `[fromIso, toIso)`: the effective shifts
 * (overrides applied) of every layer that are theirs, with back-to-back
 * shifts of one layer and source merged (a one-person rotation is one long duty, not a
 * handoff to themselves), ordered by start.
 *
 * @remarks
 *
 * Shifts are clipped to the window, as {@link effectiveShifts} clips them:
 * one in progress at `fromIso` starts there. Throws as it does.
 *
 * @public
 */
export function userShifts(
  schedule: OnCallSchedule,
  user: string,
  fromIso: string,
  toIso: string,
): OnCallShift[] {
  const merged: OnCallShift[] = [];
  for (const layer of schedule.layers) {
    let last: OnCallShift | undefined;
    for (const shift of effectiveShifts(schedule, layer.name, fromIso, toIso)) {
      if (shift.user !== user) {
        last = undefined;
      } else if (
        last &&
        last.source === shift.source &&
        Date.parse(last.to) === Date.parse(shift.from)
      ) {
        last.to = shift.to;
      } else {
        last = { ...shift };
        merged.push(last);
      }
    }
  }
  return merged.sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
}
