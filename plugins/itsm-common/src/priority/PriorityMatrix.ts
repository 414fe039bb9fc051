import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';

/**
 * How widely an incident hurts (impact) and how fast it needs attention (urgency).
 * @public
 */
export type Level = components['schemas']['Level'];

/** @public */
export const LEVELS = enumValues<Level>()(['high', 'medium', 'low']);

/** @public */
export type Priority = components['schemas']['Priority'];

/** @public */
export const PRIORITIES = enumValues<Priority>()([
  'P1',
  'P2',
  'P3',
  'P4',
  'P5',
]);

/**
 * Impact × urgency → priority. Keys are `impact` then `urgency`.
 * @public
 */
export type PriorityMatrix = Record<Level, Record<Level, Priority>>;

/**
 * The ITIL 3×3 default: H/H=P1, H/M=M/H=P2, H/L=M/M=L/H=P3, M/L=L/M=P4, L/L=P5.
 * @public
 */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = Object.freeze({
  high: Object.freeze({ high: 'P1', medium: 'P2', low: 'P3' }),
  medium: Object.freeze({ high: 'P2', medium: 'P3', low: 'P4' }),
  low: Object.freeze({ high: 'P3', medium: 'P4', low: 'P5' }),
}) as PriorityMatrix;

/** @public */
export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as string[]).includes(value);
}

/** @public */
export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as string[]).includes(value);
}

/**
 * Derives an incident's priority from its impact and urgency.
 * @public
 */
export function derivePriority(
  impact: Level,
  urgency: Level,
  matrix: PriorityMatrix = DEFAULT_PRIORITY_MATRIX,
): Priority {
  return matrix[impact][urgency];
}

/**
 * Builds a full matrix from a partial override (as written under
 * `itsm.priorityMatrix` in app-config), filling gaps from the default.
 * Throws with the offending key when a cell is not P1–P5 or a key is unknown,
 * so bad config fails start-up with a message that says what to fix.
 * @public
 */
export function parsePriorityMatrix(
  input: unknown,
  keyPrefix = 'itsm.priorityMatrix',
): PriorityMatrix {
  if (input === undefined || input === null) {
    return DEFAULT_PRIORITY_MATRIX;
  }
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new Error(
      `${keyPrefix} must be an object keyed by impact (high, medium, low)`,
    );
  }
  const result = {} as PriorityMatrix;
  for (const [impact, row] of Object.entries(input as object)) {
    if (!isLevel(impact)) {
      throw new Error(
        `${keyPrefix}.${impact} is not an impact; use high, medium or low`,
      );
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new Error(
        `${keyPrefix}.${impact} must be an object keyed by urgency (high, medium, low)`,
      );
    }
    for (const [urgency, priority] of Object.entries(row)) {
      if (!isLevel(urgency)) {
        throw new Error(
          `${keyPrefix}.${impact}.${urgency} is not an urgency; use high, medium or low`,
        );
      }
      if (!isPriority(priority)) {
        throw new Error(
          `${keyPrefix}.${impact}.${urgency} must be one of ${PRIORITIES.join(
            ', ',
          )}, got ${JSON.stringify(priority)}`,
        );
      }
    }
  }
  for (const impact of LEVELS) {
    result[impact] = {
      ...DEFAULT_PRIORITY_MATRIX[impact],
      ...((input as Record<string, Record<Level, Priority>>)[impact] ?? {}),
    };
  }
  return result;
}
