import type { components } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';

/** @public */
export type ReviewStatus = components['schemas']['ReviewStatus'];

/** @public */
export const REVIEW_STATUSES = enumValues<ReviewStatus>()([
  'draft',
  'in_review',
  'published',
]);

/** What the authors of a review write. @public */
export type ReviewSections = components['schemas']['ReviewSections'];

/** @public */
export type ReviewCustomerImpact =
  components['schemas']['ReviewCustomerImpact'];

/** The incident's facts as a review shows them. @public */
export type ReviewFacts = components['schemas']['ReviewFacts'];

/** @public */
export type ReviewSlaOutcome = components['schemas']['ReviewSlaOutcome'];

/** @public */
export type ReviewTimelineEntry = components['schemas']['ReviewTimelineEntry'];

/** @public */
export type ReviewApproval = components['schemas']['ReviewApproval'];

/** A post-incident review with its facts, timeline and action items. @public */
export type Review = components['schemas']['Review'];

/** @public */
export type PutReviewRequest = components['schemas']['PutReviewRequest'];

/** @public */
export type ReviewListStatus = components['schemas']['ReviewListStatus'];

/** @public */
export const REVIEW_LIST_STATUSES = enumValues<ReviewListStatus>()([
  'to_write',
  'in_review',
  'published',
]);

/** One incident's review, as `/reviews` lists it. @public */
export type ReviewListItem = components['schemas']['ReviewListItem'];

/** The query of `listReviews`. @public */
export interface ReviewListQuery {
  status: ReviewListStatus;
  blocked?: boolean;
  entityRef?: string;
  limit?: number;
  cursor?: string;
}

/** @public */
export type ActionItemStatus = components['schemas']['ActionItemStatus'];

/** @public */
export const ACTION_ITEM_STATUSES = enumValues<ActionItemStatus>()([
  'open',
  'in_progress',
  'done',
  'cancelled',
]);

/** @public */
export type ActionItem = components['schemas']['ActionItem'];

/** @public */
export type CreateActionItemRequest =
  components['schemas']['CreateActionItemRequest'];

/**
 * Fields a PATCH may change; this client sends the version in the body.
 * @public
 */
export type UpdateActionItemRequest =
  components['schemas']['UpdateActionItemRequest'] & { version: number };

/** The query of `listActionItems`. @public */
export interface ActionItemListQuery {
  owner?: string[];
  status?: ActionItemStatus[];
  overdue?: boolean;
  incidentId?: string;
  entityRef?: string;
  limit?: number;
  cursor?: string;
}
