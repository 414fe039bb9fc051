import type { CompiledLayer } from './compileLayer';
import type { OnCallShiftSource } from './types';

/**
 * The effective timeline of one layer: rotation shifts with overrides painted
 * over them. Not exported from the package.
 */

/** An override of the layer, parsed; `rank` is its position in the schedule. */
export interface TimedOverride {
  user: string;
  fromMs: number;
  toMs: number;
  rank: number;
}

/** A maximal period with one source of duty (or nobody). */
export interface Segment {
  fromMs: number;
  /** `Infinity` when nothing ever changes again. */
  toMs: number;
  /** `undefined` when nobody is on call. */
  user?: string;
  source?: OnCallShiftSource;
}

interface Duty {
  /** Identifies the override or rotation shift; equal keys are one piece. */
  key: string;
  user?: string;
  source?: OnCallShiftSource;
}

/** Who is on duty at an instant: the last-listed override holding it, else the rotation. */
function dutyAt(
  ms: number,
  layer: CompiledLayer,
  overrides: readonly TimedOverride[],
): Duty {
  for (let i = overrides.length - 1; i >= 0; i--) {
    const o = overrides[i];
    if (o.fromMs <= ms && ms < o.toMs) {
      return { key: `o${o.rank}`, user: o.user, source: 'override' };
    }
  }
  const k = layer.users.length > 0 ? layer.indexAt(ms) : -1;
  if (k < 0) {
    return { key: 'none' };
  }
  return {
    key: `r${k}`,
    user: layer.users[k % layer.users.length],
    source: 'rotation',
  };
}

/**
 * The timeline from `startMs` on, as maximal segments: the first starts at
 * `startMs` (possibly mid-shift), each next one where the previous ends. An
 * override splits the rotation shift under it; an override covering a handoff
 * stays one segment. Infinite for a layer with users; otherwise it ends with
 * a segment to `Infinity`.
 *
 * @param overrides - the layer's non-empty overrides, in schedule order.
 */
export function* walkTimeline(
  layer: CompiledLayer,
  overrides: readonly TimedOverride[],
  startMs: number,
): Generator<Segment, void, undefined> {
  const edges = [...new Set(overrides.flatMap(o => [o.fromMs, o.toMs]))].sort(
    (a, b) => a - b,
  );
  let edge = 0;
  /**
   * The next instant after `ms` at which the duty may change. While an
   * override wins, rotation handoffs cannot change it, so only override edges
   * count: a long override stays one cheap step.
   */
  const nextBoundary = (ms: number, duty: Duty): number => {
    let rotation = Infinity;
    if (duty.source !== 'override' && layer.users.length > 0) {
      const k = layer.indexAt(ms);
      rotation = k < 0 ? layer.epochMs : layer.handoffAt(k + 1);
    }
    while (edge < edges.length && edges[edge] <= ms) {
      edge++;
    }
    const next = Math.min(
      rotation,
      edge < edges.length ? edges[edge] : Infinity,
    );
    if (!(next > ms)) {
      throw new Error(`On-call timeline stuck at ${ms}`);
    }
    return next;
  };

  let fromMs = startMs;
  let duty = dutyAt(fromMs, layer, overrides);
  for (;;) {
    let toMs = nextBoundary(fromMs, duty);
    let following = duty;
    while (toMs !== Infinity) {
      following = dutyAt(toMs, layer, overrides);
      if (following.key !== duty.key) {
        break;
      }
      toMs = nextBoundary(toMs, duty);
    }
    yield { fromMs, toMs, user: duty.user, source: duty.source };
    if (toMs === Infinity) {
      return;
    }
    fromMs = toMs;
    duty = following;
  }
}
