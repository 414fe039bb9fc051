import { compileLayer } from './compileLayer';
import { formatInstant, parseInstant } from '../time/instant';
import { checkShiftCount } from './limits';
import { Segment, TimedOverride, walkTimeline } from './timeline';
import type {
  OnCallLayer,
  OnCallNext,
  OnCallNow,
  OnCallSchedule,
  OnCallShift,
} from './types';

/** The non-empty overrides of one layer, parsed, in schedule order. */
function layerOverrides(
  schedule: OnCallSchedule,
  layerName: string,
): TimedOverride[] {
  const result: TimedOverride[] = [];
  schedule.overrides.forEach((o, rank) => {
    if (o.layer !== layerName) {
      return;
    }
    const fromMs = parseInstant(o.from, `overrides[${rank}].from`);
    const toMs = parseInstant(o.to, `overrides[${rank}].to`);
    if (toMs > fromMs) {
      result.push({ user: o.user, fromMs, toMs, rank });
    }
  });
  return result;
}

function findLayer(schedule: OnCallSchedule, layerName: string): OnCallLayer {
  const layer = schedule.layers.find(l => l.name === layerName);
  if (!layer) {
    throw new Error(
      `Unknown on-call layer ${JSON.stringify(
        layerName,
      )} in schedule ${JSON.stringify(schedule.name)}`,
    );
  }
  return layer;
}

/**
 * The effective on-call timeline of one layer over `[fromIso, toIso)`:
 * rotation shifts with the layer's overrides applied.
 *
 * @remarks
 *
 * Pieces are in order, do not overlap, and are clipped to the window. An
 * override replaces the rotation user only inside its own `[from, to)`: one in
 * the middle of a shift yields three pieces (rotation, override, rotation), one
 * covering a handoff stays a single piece. Where overrides of the layer
 * overlap, the one listed later in `schedule.overrides` wins. The timeline is
 * gap-free wherever someone is on call; periods with nobody (no users, or
 * before the rotation epoch, and no override) are simply absent. Throws on an
 * unknown layer, an invalid layer or timestamp, or more than
 * {@link MAX_ONCALL_SHIFTS} pieces.
 *
 * @public
 */
export function effectiveShifts(
  schedule: OnCallSchedule,
  layerName: string,
  fromIso: string,
  toIso: string,
): OnCallShift[] {
  const layer = compileLayer(findLayer(schedule, layerName), schedule.timezone);
  const from = parseInstant(fromIso, 'window start');
  const to = parseInstant(toIso, 'window end');
  const shifts: OnCallShift[] = [];
  if (to <= from) {
    return shifts;
  }
  const overrides = layerOverrides(schedule, layerName);
  for (const segment of walkTimeline(layer, overrides, from)) {
    if (segment.user !== undefined) {
      shifts.push({
        layer: layerName,
        user: segment.user,
        from: formatInstant(segment.fromMs),
        to: formatInstant(Math.min(segment.toMs, to)),
        source: segment.source!,
      });
      checkShiftCount(shifts.length);
    }
    if (segment.toMs >= to) {
      break;
    }
  }
  return shifts;
}

/**
 * The first person other than `current` in the segments, or `undefined` when
 * none will ever come: once past every override, the rotation alone decides,
 * and `users.length + 1` of its shifts visit every user.
 */
function findNext(
  segments: Iterator<Segment, void>,
  current: string | undefined,
  settledFromMs: number,
  rotationSize: number,
): OnCallNext | undefined {
  let settledShifts = 0;
  for (;;) {
    const step = segments.next();
    if (step.done) {
      return undefined;
    }
    const segment = step.value;
    if (segment.user !== undefined && segment.user !== current) {
      return { user: segment.user, from: formatInstant(segment.fromMs) };
    }
    if (segment.fromMs >= settledFromMs && ++settledShifts > rotationSize) {
      return undefined;
    }
  }
}

/**
 * Who is on call at an instant on each layer of a schedule, in layer order,
 * with overrides applied.
 *
 * @remarks
 *
 * For each layer: the person on duty and whether by rotation or override;
 * `until`, when this piece of duty ends (the rotation handoff; the override's
 * end, even past a handoff; or the start of an override taking over); and
 * `next`, the next different person on the layer after `until` and when they
 * start. An entry without `user` means nobody is on call on that layer; its
 * `until` and `next` then say when someone comes on, if ever. Throws on an
 * invalid layer or timestamp.
 *
 * @param schedule - the schedule; overrides of unknown layers are ignored.
 * @param atIso - ISO 8601 instant (read as UTC without an offset).
 * @public
 */
export function whoIsOnCall(
  schedule: OnCallSchedule,
  atIso: string,
): OnCallNow[] {
  const at = parseInstant(atIso, 'instant');
  return schedule.layers.map(layer => {
    const compiled = compileLayer(layer, schedule.timezone);
    const overrides = layerOverrides(schedule, layer.name);
    const segments = walkTimeline(compiled, overrides, at);
    const current = segments.next().value as Segment;
    const settledFromMs = Math.max(
      compiled.epochMs,
      ...overrides.map(o => o.toMs),
    );
    const next = findNext(
      segments,
      current.user,
      settledFromMs,
      compiled.users.length,
    );
    const until =
      current.toMs === Infinity ? undefined : formatInstant(current.toMs);
    if (current.user === undefined) {
      return {
        layer: layer.name,
        ...(until !== undefined && { until }),
        ...(next && { next }),
      };
    }
    return {
      layer: layer.name,
      user: current.user,
      source: current.source!,
      until: until!,
      ...(next && { next }),
    };
  });
}
