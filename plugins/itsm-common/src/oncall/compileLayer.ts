import { DateTime } from 'luxon';
import { parseTimeOfDay } from '../sla/timeOfDay';
import type { OnCallLayer } from './types';
import { layerProblems, timezoneProblems } from './validateLayer';

/**
 * The handoff sequence of a layer: shift `k` (k ≥ 0) runs from
 * `handoffAt(k)` to `handoffAt(k + 1)` and belongs to `users[k % n]`.
 * Not exported from the package.
 */
export interface CompiledLayer {
  name: string;
  users: readonly string[];
  /** The first handoff, `handoffAt(0)`, in epoch ms. */
  epochMs: number;
  /** Epoch ms of handoff `k` (k ≥ 0). Non-decreasing in `k`. */
  handoffAt(k: number): number;
  /**
   * The shift holding `ms`: the largest `k` with `handoffAt(k) <= ms`, or -1
   * before the epoch. A zero-length shift (a skipped local date) is never
   * returned.
   */
  indexAt(ms: number): number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Bound on memoised handoffs per layer (about 27 years of daily ones). */
const MAX_CACHED_HANDOFFS = 10_000;

const cache = new WeakMap<OnCallLayer, Map<string, CompiledLayer>>();

/**
 * Checks a layer and prepares its handoff arithmetic, throwing on the first
 * problem. Memoised per layer object and timezone: treat layers as immutable.
 */
export function compileLayer(
  layer: OnCallLayer,
  timezone: string,
): CompiledLayer {
  const byZone = cache.get(layer);
  const cached = byZone?.get(timezone);
  if (cached) {
    return cached;
  }
  const problems = [
    ...timezoneProblems(timezone, 'timezone'),
    ...layerProblems(layer, `layer ${JSON.stringify(layer?.name)}`),
  ];
  if (problems.length > 0) {
    throw new Error(`Invalid on-call layer: ${problems.join('; ')}`);
  }
  const compiled =
    layer.rotation.type === 'custom'
      ? compileElapsed(layer, timezone)
      : compileWallClock(layer, timezone);
  if (byZone) {
    byZone.set(timezone, compiled);
  } else {
    cache.set(layer, new Map([[timezone, compiled]]));
  }
  return compiled;
}

/** Local handoff on a calendar date (given as a UTC midnight), in epoch ms. */
function localHandoff(
  date: DateTime,
  hour: number,
  minute: number,
  timezone: string,
): number {
  return DateTime.fromObject(
    { year: date.year, month: date.month, day: date.day, hour, minute },
    { zone: timezone },
  ).toMillis();
}

/**
 * Daily and weekly rotations: a handoff every 1 or 7 local dates at the
 * handoff wall-clock time, as luxon resolves it in the timezone.
 */
function compileWallClock(layer: OnCallLayer, timezone: string): CompiledLayer {
  const { hour, minute } = parseTimeOfDay(layer.handoffTime, {
    allowEndOfDay: false,
  })!;
  const stepDays = layer.rotation.type === 'weekly' ? 7 : 1;
  const start = DateTime.fromISO(layer.startDate, { zone: 'utc' });
  const anchor =
    stepDays === 7
      ? start.plus({
          days: ((layer.handoffWeekday ?? 1) - start.weekday + 7) % 7,
        })
      : start;
  const handoffs = new Map<number, number>();
  const handoffAt = (k: number) => {
    let ms = handoffs.get(k);
    if (ms === undefined) {
      if (handoffs.size >= MAX_CACHED_HANDOFFS) {
        handoffs.clear();
      }
      ms = localHandoff(
        anchor.plus({ days: k * stepDays }),
        hour,
        minute,
        timezone,
      );
      handoffs.set(k, ms);
    }
    return ms;
  };
  const epochMs = handoffAt(0);
  const stepMs = stepDays * DAY_MS;
  const indexAt = (ms: number) => {
    if (ms < epochMs) {
      return -1;
    }
    // A first guess as if days were 24 h, then corrected against the real
    // handoffs: offset changes move them by hours, so a step or two at most.
    let k = Math.floor((ms - epochMs) / stepMs);
    while (k > 0 && handoffAt(k) > ms) {
      k--;
    }
    while (handoffAt(k + 1) <= ms) {
      k++;
    }
    return k;
  };
  return { name: layer.name, users: layer.users, epochMs, handoffAt, indexAt };
}

/** Custom rotations: real elapsed hours from the first handoff. */
function compileElapsed(layer: OnCallLayer, timezone: string): CompiledLayer {
  const { hour, minute } = parseTimeOfDay(layer.handoffTime, {
    allowEndOfDay: false,
  })!;
  const epochMs = localHandoff(
    DateTime.fromISO(layer.startDate, { zone: 'utc' }),
    hour,
    minute,
    timezone,
  );
  const lengthMs = Math.max(
    1,
    Math.round(layer.rotation.lengthHours! * HOUR_MS),
  );
  return {
    name: layer.name,
    users: layer.users,
    epochMs,
    handoffAt: k => epochMs + k * lengthMs,
    indexAt: ms => (ms < epochMs ? -1 : Math.floor((ms - epochMs) / lengthMs)),
  };
}
