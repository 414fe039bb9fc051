import type { components } from '../schema/openapi.generated';

/**
 * How often a layer hands off to the next user.
 *
 * - `daily`: every local day at `handoffTime`.
 * - `weekly`: every week on `handoffWeekday` at `handoffTime`.
 * - `custom`: every `lengthHours` of real elapsed time from the first handoff.
 *
 * @public
 */
export type OnCallRotationType = components['schemas']['OnCallRotationType'];

/**
 * The rotation of a layer.
 *
 * @public
 */
export type OnCallRotation = components['schemas']['OnCallRotation'];

/**
 * One layer of an on-call schedule (e.g. `primary`, `secondary`): users take
 * shifts in turn.
 *
 * @remarks
 *
 * Daily and weekly handoffs happen at the local wall-clock `handoffTime` in
 * the schedule's timezone, so across a daylight-saving change a daily shift
 * lasts 23 or 25 hours of real time. A handoff time that does not exist
 * locally (inside a spring-forward gap) is moved forward by the gap, and an
 * ambiguous one (fall-back) resolves to its second occurrence, both as luxon
 * normalises local times.
 *
 * @public
 */
export type OnCallLayer = components['schemas']['OnCallLayer'];

/**
 * A temporary replacement on one layer ("I take Friday night"): `user` is on
 * call instead of the rotation user during `[from, to)`.
 *
 * @public
 */
export type OnCallOverride = components['schemas']['OnCallOverride'];

/**
 * An on-call schedule of a group: layers of rotations plus overrides.
 *
 * @remarks
 *
 * When overrides of one layer overlap, the one listed later wins where they
 * overlap.
 *
 * @public
 */
export type OnCallSchedule = Pick<
  components['schemas']['OnCallSchedule'],
  'name' | 'timezone' | 'layers' | 'overrides'
> & { id?: string };

/**
 * Where an on-call shift comes from.
 *
 * @public
 */
export type OnCallShiftSource = 'rotation' | 'override';

/**
 * A period during which one user is on call on one layer. Timestamps are
 * ISO 8601 UTC (`…Z`), `from` inclusive, `to` exclusive.
 *
 * @public
 */
export interface OnCallShift {
  layer: string;
  user: string;
  from: string;
  to: string;
  source: OnCallShiftSource;
}

/**
 * The next different person on call on a layer, and when they start.
 *
 * @public
 */
export interface OnCallNext {
  user: string;
  /** ISO 8601 UTC timestamp. */
  from: string;
}

/**
 * Someone is on call on a layer at the instant asked about.
 *
 * @public
 */
export interface OnCallNowPerson {
  layer: string;
  user: string;
  source: OnCallShiftSource;
  /**
   * End of the current piece of duty (ISO 8601 UTC): the rotation handoff, or
   * the end of the override, or the start of an override that takes over.
   */
  until: string;
  /**
   * The next different person on this layer after `until`; absent when nobody
   * different ever comes (e.g. a one-user rotation). `next.from` equals
   * `until` unless the same person carries on or nobody is on call between.
   */
  next?: OnCallNext;
}

/**
 * Nobody is on call on a layer at the instant asked about (no users and no
 * override, or before the rotation epoch).
 *
 * @public
 */
export interface OnCallNowNobody {
  layer: string;
  user?: undefined;
  source?: undefined;
  /** When someone comes on call (equals `next.from`); absent if nobody ever does. */
  until?: string;
  next?: OnCallNext;
}

/**
 * Who is on call on one layer at an instant, as answered by `whoIsOnCall`.
 *
 * @public
 */
export type OnCallNow = OnCallNowPerson | OnCallNowNobody;
