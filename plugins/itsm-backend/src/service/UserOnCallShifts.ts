import { InputError } from '@backstage/errors';
import {
  StoredOnCallSchedule,
  UserOnCallShift,
  UserOnCallShifts as UserOnCallShiftsResponse,
  userShifts,
} from '@openitsm/backstage-plugin-itsm-common';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';

const DAY_MS = 24 * 3600_000;
/** The window when the caller gives no `to`. */
export const DEFAULT_SHIFT_WINDOW_DAYS = 14;
/** The longest window: enough for "next shift", bounded for the resolver. */
export const MAX_SHIFT_WINDOW_DAYS = 31;

/**
 * "My shifts": one person's duty across the built-in schedules, from the
 * schedules that name them (found in SQL) and the rotation rules of
 * itsm-common.
 */
export class UserOnCallShifts {
  constructor(private readonly store: DatabaseOnCallStore) {}

  async list(
    user: string,
    window: { from: string; to?: string },
  ): Promise<UserOnCallShiftsResponse> {
    const fromMs = Date.parse(window.from);
    const toMs = window.to
      ? Date.parse(window.to)
      : fromMs + DEFAULT_SHIFT_WINDOW_DAYS * DAY_MS;
    if (toMs <= fromMs) {
      throw new InputError('to: must be after from');
    }
    if (toMs - fromMs > MAX_SHIFT_WINDOW_DAYS * DAY_MS) {
      throw new InputError(
        `to: the window may span at most ${MAX_SHIFT_WINDOW_DAYS} days; ask for a shorter one`,
      );
    }
    const from = new Date(fromMs).toISOString();
    const to = new Date(toMs).toISOString();
    const items: UserOnCallShift[] = [];
    for (const schedule of await this.store.listSchedulesNaming(user)) {
      for (const shift of this.shiftsOf(schedule, user, from, to)) {
        items.push({
          scheduleId: schedule.id,
          scheduleName: schedule.name,
          ownerGroup: schedule.ownerGroup,
          layer: shift.layer,
          from: shift.from,
          to: shift.to,
          source: shift.source,
        });
      }
    }
    items.sort(
      (a, b) =>
        Date.parse(a.from) - Date.parse(b.from) ||
        a.scheduleName.localeCompare(b.scheduleName),
    );
    return { items, from, to };
  }

  private shiftsOf(
    schedule: StoredOnCallSchedule,
    user: string,
    from: string,
    to: string,
  ) {
    try {
      return userShifts(schedule, user, from, to);
    } catch (error) {
      // A rotation of minutes over a month: too many shifts to list
      if (error instanceof RangeError) {
        throw new InputError(
          `to: ${schedule.name} has too many shifts in this window; ask for a shorter one`,
        );
      }
      throw error;
    }
  }
}
