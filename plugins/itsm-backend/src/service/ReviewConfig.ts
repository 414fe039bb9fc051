import { Config } from '@backstage/config';
import {
  Priority,
  ReviewRequirement,
} from '@openitsm/backstage-plugin-itsm-common';
import { normalizeEntityRef } from './entityRefs';

const PRIORITIES: readonly Priority[] = ['P1', 'P2', 'P3', 'P4', 'P5'];

/** `itsm.reviews`: which incidents need a review, and who reviews them. */
export interface ReviewConfig extends ReviewRequirement {
  /** A group asked to review every review, besides the services' owners. */
  reviewersGroup?: string;
  /** How often overdue action items are looked for, in minutes. */
  overdueCheckMinutes: number;
}

/**
 * Reads `itsm.reviews`. By default only major incidents need a published
 * review to close: P1/P2 is opted into per installation, since it holds up
 * the close of every such incident.
 */
export function readReviewConfig(config: Config | undefined): ReviewConfig {
  const priorities =
    config?.getOptionalStringArray('requiredForPriorities') ?? [];
  for (const [i, priority] of priorities.entries()) {
    if (!PRIORITIES.includes(priority as Priority)) {
      throw new Error(
        `itsm.reviews.requiredForPriorities[${i}]: "${priority}" is not one of ${PRIORITIES.join(
          ', ',
        )}`,
      );
    }
  }
  const group = config?.getOptionalString('reviewersGroup');
  let reviewersGroup: string | undefined;
  if (group) {
    try {
      reviewersGroup = normalizeEntityRef(group, 'group');
    } catch {
      reviewersGroup = undefined;
    }
    if (!reviewersGroup?.startsWith('group:')) {
      throw new Error(
        `itsm.reviews.reviewersGroup: "${group}" is not a group ref, e.g. group:default/sre`,
      );
    }
  }
  const overdueCheckMinutes =
    config?.getOptionalNumber('overdueCheckMinutes') ?? 15;
  if (!Number.isInteger(overdueCheckMinutes) || overdueCheckMinutes < 1) {
    throw new Error(
      'itsm.reviews.overdueCheckMinutes must be a whole number of minutes, at least 1',
    );
  }
  return {
    requiredForPriorities: priorities as Priority[],
    reviewersGroup,
    overdueCheckMinutes,
  };
}
