import type { components } from '../schema/openapi.generated';
import { BusinessCalendar } from './BusinessCalendar';
import { SlaPause } from './SlaPause';
import {
  CompiledCalendar,
  addBusinessMs,
  businessMsBetween,
  compileCalendar,
  formatIsoMs,
  parseIsoMs,
} from './workingTime';

/**
 * Share of a target after which an SLA clock is in warning (75 %).
 *
 * @public
 */
export const SLA_WARNING_RATIO = 0.75;

/**
 * Where an SLA clock stands.
 *
 * - `running`: counting, not yet past its due time.
 * - `paused`: on hold, not yet past its due time.
 * - `met`: stopped at or before its due time.
 * - `breached`: past its due time, stopped or not.
 *
 * @public
 */
export type SlaState = components['schemas']['SlaState'];

/**
 * What an SLA clock is computed from.
 *
 * @public
 */
export interface SlaClockInput {
  /** The target, in business minutes of `calendar`. Must be positive. */
  targetMinutes: number;
  /** When the clock runs. */
  calendar: BusinessCalendar;
  /** When the clock started: the incident's `detectedAt`. */
  startedAt: string;
  /**
   * Periods the clock did not run, in any order; they may overlap. Only their
   * business-time overlap after `startedAt` counts.
   */
  pauses?: readonly SlaPause[];
  /**
   * When the clock stopped, if it did: `acknowledgedAt` for a response
   * target, `resolvedAt` for a resolution target.
   */
  stoppedAt?: string;
  /** The moment to evaluate a running clock at. */
  now: string;
  /** Share of the target that raises a warning; {@link SLA_WARNING_RATIO} by default. */
  warningRatio?: number;
}

/**
 * An SLA clock evaluated at a moment. Timestamps are ISO 8601 UTC.
 *
 * @public
 */
export interface SlaClock {
  targetMinutes: number;
  /**
   * When the target is reached: the start plus the target in business time,
   * pushed out by the business time spent paused before it. While a pause is
   * open it is provisional (as if the pause ended at `now`) and moves with
   * `now`.
   */
  dueAt: string;
  /** When the warning share of the target is reached, computed like `dueAt`. */
  warningAt: string;
  /** Business minutes counted so far (until `stoppedAt` if stopped), pauses excluded. */
  elapsedMinutes: number;
  /** `targetMinutes - elapsedMinutes`: business minutes left, negative when overdue. */
  remainingMinutes: number;
  /** Business minutes spent paused so far. */
  pausedMinutes: number;
  state: SlaState;
  /** Whether the clock is running and currently inside a pause. */
  paused: boolean;
  /** Whether `warningAt` had been reached (at `stoppedAt` if stopped, else at `now`). */
  warningReached: boolean;
  /** Whether `dueAt` had been passed (at `stoppedAt` if stopped, else at `now`). */
  breached: boolean;
}

interface Interval {
  from: number;
  to: number;
}

/**
 * Clips pauses to `[startMs, endMs]`, closes open ones at `endMs`, drops empty
 * ones, and merges overlapping or touching ones, sorted by start.
 */
function normalizePauses(
  pauses: readonly SlaPause[],
  startMs: number,
  endMs: number,
): Interval[] {
  const clipped = pauses
    .map((pause, index) => ({
      from: Math.max(parseIsoMs(pause.from, `pauses[${index}].from`), startMs),
      to: Math.min(
        pause.to === undefined
          ? endMs
          : parseIsoMs(pause.to, `pauses[${index}].to`),
        endMs,
      ),
    }))
    .filter(pause => pause.to > pause.from)
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const pause of clipped) {
    const last = merged[merged.length - 1];
    if (last && pause.from <= last.to) {
      last.to = Math.max(last.to, pause.to);
    } else {
      merged.push({ ...pause });
    }
  }
  return merged;
}

/**
 * The first instant at which `targetMs` of unpaused business time has elapsed
 * after `startMs`. Pauses must be normalised (sorted, disjoint, after start).
 */
function reachedAt(
  startMs: number,
  targetMs: number,
  pauses: readonly Interval[],
  cal: CompiledCalendar,
): number {
  let cursor = startMs;
  let remaining = targetMs;
  for (const pause of pauses) {
    const candidate = addBusinessMs(cursor, remaining, cal);
    if (candidate <= pause.from) {
      return candidate;
    }
    remaining -= businessMsBetween(cursor, pause.from, cal);
    cursor = pause.to;
  }
  return addBusinessMs(cursor, remaining, cal);
}

/**
 * Evaluates an SLA clock: due and warning times, business time elapsed and
 * left, and its state.
 *
 * @remarks
 *
 * Pure: the same input always gives the same clock, so due times can be
 * stored and recomputed whenever the inputs change (a new priority means a
 * new `targetMinutes` from the same `startedAt`). A clock is met when stopped
 * at or before `dueAt`, and breached once `dueAt` has passed; a pause that
 * begins after `dueAt` does not move it.
 *
 * @public
 */
export function computeSlaClock(input: SlaClockInput): SlaClock {
  const { targetMinutes, warningRatio = SLA_WARNING_RATIO } = input;
  if (!Number.isFinite(targetMinutes) || targetMinutes <= 0) {
    throw new Error(
      `Invalid SLA target: ${targetMinutes} must be a positive number of minutes`,
    );
  }
  if (!(warningRatio > 0 && warningRatio <= 1)) {
    throw new Error(
      `Invalid SLA warning ratio: ${warningRatio} must be above 0 and at most 1`,
    );
  }
  const cal = compileCalendar(input.calendar);
  const startMs = parseIsoMs(input.startedAt, 'startedAt');
  const nowMs = parseIsoMs(input.now, 'now');
  const stoppedMs =
    input.stoppedAt === undefined
      ? undefined
      : parseIsoMs(input.stoppedAt, 'stoppedAt');
  const untilMs = Math.max(stoppedMs ?? nowMs, startMs);

  const pauses = normalizePauses(input.pauses ?? [], startMs, untilMs);
  const targetMs = Math.round(targetMinutes * 60_000);
  const dueMs = reachedAt(startMs, targetMs, pauses, cal);
  const warningMs = reachedAt(
    startMs,
    Math.round(targetMs * warningRatio),
    pauses,
    cal,
  );

  const pausedMs = pauses.reduce(
    (sum, pause) => sum + businessMsBetween(pause.from, pause.to, cal),
    0,
  );
  const elapsedMs = businessMsBetween(startMs, untilMs, cal) - pausedMs;

  const paused =
    stoppedMs === undefined &&
    (input.pauses ?? []).some(
      pause =>
        parseIsoMs(pause.from) <= nowMs &&
        (pause.to === undefined || nowMs < parseIsoMs(pause.to)),
    );
  const breached = untilMs > dueMs;
  let state: SlaState;
  if (stoppedMs !== undefined) {
    state = breached ? 'breached' : 'met';
  } else if (breached) {
    state = 'breached';
  } else {
    state = paused ? 'paused' : 'running';
  }

  return {
    targetMinutes,
    dueAt: formatIsoMs(dueMs),
    warningAt: formatIsoMs(warningMs),
    elapsedMinutes: elapsedMs / 60_000,
    remainingMinutes: (targetMs - elapsedMs) / 60_000,
    pausedMinutes: pausedMs / 60_000,
    state,
    paused,
    warningReached: untilMs >= warningMs,
    breached,
  };
}
