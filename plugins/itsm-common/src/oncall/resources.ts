import type { OnCallLayer, OnCallOverride, OnCallSchedule } from './types';

/**
 * Catalog annotation on a service naming the built-in schedule (by name)
 * that answers for it, instead of its owner group's.
 *
 * @public
 */
export const ANNOTATION_ONCALL_SCHEDULE = 'openitsm.io/oncall-schedule';

/**
 * Catalog annotation on a group naming the next support group, used for
 * functional escalation (reassignment).
 *
 * @public
 */
export const ANNOTATION_ESCALATES_TO = 'openitsm.io/escalates-to';

/**
 * Catalog annotation on a user with a chat link shown on the on-call card.
 *
 * @public
 */
export const ANNOTATION_CHAT_URL = 'openitsm.io/chat';

/**
 * A schedule as stored: owned by a catalog group, versioned.
 *
 * @public
 */
export interface StoredOnCallSchedule extends OnCallSchedule {
  id: string;
  /** Group entity ref, e.g. `group:default/sre`. */
  ownerGroup: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** @public */
export interface CreateOnCallScheduleRequest {
  /** Unique across the estate; services name it in `openitsm.io/oncall-schedule`. */
  name: string;
  ownerGroup: string;
  timezone: string;
  layers: OnCallLayer[];
  overrides?: OnCallOverride[];
}

/** @public */
export interface UpdateOnCallScheduleRequest {
  /** The version read; a stale one is a 409. */
  version: number;
  name?: string;
  timezone?: string;
  layers?: OnCallLayer[];
  overrides?: OnCallOverride[];
}

/**
 * Who one escalation level pages.
 *
 * @public
 */
export type EscalationTarget =
  | {
      type: 'schedule';
      /** Schedule name. */
      schedule: string;
      /** Layer name; the schedule's first layer when absent. */
      layer?: string;
    }
  | { type: 'user'; userRef: string }
  | { type: 'group'; groupRef: string };

/**
 * One level of an escalation policy: paged when an incident of the group is
 * still unacknowledged `afterMinutes` after it was detected.
 *
 * @public
 */
export interface EscalationLevel {
  afterMinutes: number;
  targets: EscalationTarget[];
}

/**
 * A group's escalation policy.
 *
 * @public
 */
export interface EscalationPolicy {
  /** Group entity ref. */
  groupRef: string;
  /** Ordered; `afterMinutes` never decreases from one level to the next. */
  levels: EscalationLevel[];
  /**
   * Functional escalation: on an SLA breach, reassign the incident to the
   * group named by the assigned group's `openitsm.io/escalates-to`.
   */
  reassignOnBreach: boolean;
  /**
   * Hierarchical escalation: on an SLA warning or breach, notify the
   * assigned group's parent group.
   */
  notifyParentOnSla: boolean;
  version: number;
  updatedAt: string;
}

/** @public */
export interface PutEscalationPolicyRequest {
  /** The version read, or absent/0 to create. A stale one is a 409. */
  version?: number;
  levels: EscalationLevel[];
  reassignOnBreach?: boolean;
  notifyParentOnSla?: boolean;
}

/**
 * The problems of a policy as `field: message` strings; empty when valid.
 *
 * @public
 */
export function validateEscalationLevels(levels: EscalationLevel[]): string[] {
  const problems: string[] = [];
  if (!Array.isArray(levels)) {
    return ['levels: must be an array'];
  }
  if (levels.length > 10) {
    problems.push('levels: at most 10 levels');
  }
  let previous = 0;
  levels.forEach((level, i) => {
    const path = `levels[${i}]`;
    if (
      !Number.isInteger(level?.afterMinutes) ||
      level.afterMinutes < 0 ||
      level.afterMinutes > 7 * 24 * 60
    ) {
      problems.push(
        `${path}.afterMinutes: must be a whole number of minutes between 0 and 10080`,
      );
    } else if (level.afterMinutes < previous) {
      problems.push(
        `${path}.afterMinutes: ${level.afterMinutes} is before the previous level's ${previous}; levels are in escalation order`,
      );
    } else {
      previous = level.afterMinutes;
    }
    if (!Array.isArray(level?.targets) || level.targets.length === 0) {
      problems.push(`${path}.targets: name at least one target`);
      return;
    }
    level.targets.forEach((t, j) => {
      const tp = `${path}.targets[${j}]`;
      if (t?.type === 'schedule') {
        if (typeof t.schedule !== 'string' || !t.schedule.trim()) {
          problems.push(`${tp}.schedule: must name a schedule`);
        }
      } else if (t?.type === 'user') {
        if (typeof t.userRef !== 'string' || !t.userRef.trim()) {
          problems.push(`${tp}.userRef: must be a user entity ref`);
        }
      } else if (t?.type === 'group') {
        if (typeof t.groupRef !== 'string' || !t.groupRef.trim()) {
          problems.push(`${tp}.groupRef: must be a group entity ref`);
        }
      } else {
        problems.push(`${tp}.type: must be one of schedule, user, group`);
      }
    });
  });
  return problems;
}

/**
 * The escalation steps due for an unacknowledged incident: the indexes of
 * the levels whose delay has passed, `minutesSinceDetected` after detection.
 *
 * @public
 */
export function dueEscalationLevels(
  levels: EscalationLevel[],
  minutesSinceDetected: number,
): number[] {
  const due: number[] = [];
  levels.forEach((level, i) => {
    if (level.afterMinutes <= minutesSinceDetected) due.push(i);
  });
  return due;
}
