import type { components } from '../schema/openapi.generated';

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
export type StoredOnCallSchedule = components['schemas']['OnCallSchedule'];

/** @public */
export type CreateOnCallScheduleRequest =
  components['schemas']['CreateOnCallScheduleRequest'];

/** @public */
export type UpdateOnCallScheduleRequest =
  components['schemas']['UpdateOnCallScheduleRequest'];

/**
 * Who one escalation level pages.
 *
 * @public
 */
export type EscalationTarget = components['schemas']['EscalationTarget'];

/**
 * One level of an escalation policy: paged when an incident of the group is
 * still unacknowledged `afterMinutes` after it was detected.
 *
 * @public
 */
export type EscalationLevel = components['schemas']['EscalationLevel'];

/**
 * A group's escalation policy.
 *
 * @public
 */
export type EscalationPolicy = components['schemas']['EscalationPolicy'];

/** @public */
export type PutEscalationPolicyRequest =
  components['schemas']['PutEscalationPolicyRequest'];

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
  if (levels.length === 0) {
    problems.push(
      'levels: name at least one level; a policy that pages nobody escalates nowhere',
    );
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
