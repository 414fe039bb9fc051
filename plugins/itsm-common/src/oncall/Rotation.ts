import { CompiledLayer, compileLayer } from './compileLayer';
import { formatInstant, parseInstant } from '../time/instant';
import { checkShiftCount } from './limits';
import type { OnCallLayer, OnCallShift } from './types';

/** Rotation shift `k` of a compiled layer with at least one user. */
function rotationShift(compiled: CompiledLayer, k: number): OnCallShift {
  return {
    layer: compiled.name,
    user: compiled.users[k % compiled.users.length],
    from: formatInstant(compiled.handoffAt(k)),
    to: formatInstant(compiled.handoffAt(k + 1)),
    source: 'rotation',
  };
}

/**
 * The rotation shift of a layer holding an instant, ignoring overrides.
 *
 * @remarks
 *
 * Daily and weekly handoffs happen at the layer's local wall-clock
 * `handoffTime` in `timezone`, so a daily shift spanning a daylight-saving
 * change lasts 23 or 25 hours. Custom shifts last exactly `lengthHours` of
 * real time, counted from the first handoff. A handoff time that does not
 * exist locally is moved forward by the gap (02:30 on the Paris
 * spring-forward day becomes 03:30 CEST, 01:30 UTC); an ambiguous one takes
 * its second occurrence (02:30 on the Paris fall-back day is 02:30 CET,
 * 01:30 UTC). A local date that does not exist at all (Pacific/Apia,
 * 2011-12-30) yields an empty shift that is skipped.
 *
 * @param layer - the layer; throws if it is invalid.
 * @param timezone - IANA timezone of the schedule.
 * @param atIso - ISO 8601 instant (read as UTC without an offset).
 * @returns the shift with ISO 8601 UTC bounds, or `undefined` when the layer
 * has no users or `atIso` is before the first handoff.
 * @public
 */
export function shiftAt(
  layer: OnCallLayer,
  timezone: string,
  atIso: string,
): OnCallShift | undefined {
  const compiled = compileLayer(layer, timezone);
  const at = parseInstant(atIso, 'instant');
  if (compiled.users.length === 0) {
    return undefined;
  }
  const k = compiled.indexAt(at);
  return k < 0 ? undefined : rotationShift(compiled, k);
}

/**
 * The rotation shifts of a layer that overlap `[fromIso, toIso)`, in order,
 * ignoring overrides.
 *
 * @remarks
 *
 * Shifts keep their real bounds: the first may start before `fromIso` and the
 * last end after `toIso`. Empty when the layer has no users, the window is
 * empty, or it ends before the first handoff. See {@link shiftAt} for how
 * handoffs are placed. Throws a `RangeError` when the window holds more than
 * {@link MAX_ONCALL_SHIFTS} shifts.
 *
 * @public
 */
export function shiftsBetween(
  layer: OnCallLayer,
  timezone: string,
  fromIso: string,
  toIso: string,
): OnCallShift[] {
  const compiled = compileLayer(layer, timezone);
  const from = parseInstant(fromIso, 'window start');
  const to = parseInstant(toIso, 'window end');
  const shifts: OnCallShift[] = [];
  if (compiled.users.length === 0 || to <= from) {
    return shifts;
  }
  let k = Math.max(0, compiled.indexAt(from));
  for (; compiled.handoffAt(k) < to; k++) {
    if (compiled.handoffAt(k + 1) > compiled.handoffAt(k)) {
      shifts.push(rotationShift(compiled, k));
      checkShiftCount(shifts.length);
    }
  }
  return shifts;
}
