import {
  ActionItem,
  ActionItemStatus,
  Page,
  Priority,
  ReviewApproval,
  ReviewListItem,
  ReviewListStatus,
  ReviewSections,
  ReviewStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { NewTimelineEvent } from './IncidentStore';

/** A review as stored: without the facts, timeline and items read elsewhere. */
export interface StoredReview {
  id: string;
  incidentId: string;
  status: ReviewStatus;
  revision: number;
  sections: ReviewSections;
  reviewers: string[];
  approvals: ReviewApproval[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  publishedBy?: string;
  version: number;
}

/** What a write may change; `null` clears the publication. */
export interface ReviewChanges {
  status?: ReviewStatus;
  revision?: number;
  sections?: ReviewSections;
  reviewers?: string[];
  approvals?: ReviewApproval[];
  publishedAt?: string | null;
  publishedBy?: string | null;
}

export interface ReviewListFilter {
  status: ReviewListStatus;
  blocked?: boolean;
  entityRef?: string;
  /** Priorities whose incidents need a review besides major ones. */
  requiredForPriorities: readonly Priority[];
  limit: number;
  cursor?: string;
}

/** Persistence of post-incident reviews. */
export interface ReviewStore {
  /**
   * Starts the review of an incident, with the incident's timeline entry, in
   * one transaction; a second start is a 409.
   */
  createReview(
    incidentId: string,
    fields: Pick<StoredReview, 'sections' | 'reviewers' | 'createdBy'>,
    event: NewTimelineEvent,
    at: string,
  ): Promise<StoredReview>;

  getReview(incidentId: string): Promise<StoredReview | undefined>;

  /**
   * Writes `changes` only if the stored version is `expectedVersion` (else
   * 409), with the incident's timeline entries, in one transaction.
   */
  updateReview(
    review: StoredReview,
    expectedVersion: number,
    changes: ReviewChanges,
    events: NewTimelineEvent[],
    at: string,
  ): Promise<StoredReview>;

  listReviews(filter: ReviewListFilter): Promise<Page<ReviewListItem>>;

  countReviews(): Promise<number>;
}

/** The stored fields of an action item the service sets. */
export interface ActionItemFields {
  title: string;
  description?: string;
  owner: string;
  dueDate: string;
  status: ActionItemStatus;
  incidentId?: string;
  reviewId?: string;
  problemId?: string;
  changeId?: string;
  createdBy: string;
  completedAt?: string;
}

export type ActionItemChanges = {
  [K in keyof ActionItemFields]?: ActionItemFields[K] | null;
};

export interface ActionItemListFilter {
  owner?: string[];
  status?: ActionItemStatus[];
  overdue?: boolean;
  incidentId?: string;
  entityRef?: string;
  /** The UTC day overdue is judged on. */
  today: string;
  limit: number;
  cursor?: string;
}

/** Persistence of action items. */
export interface ActionItemStore {
  createActionItem(fields: ActionItemFields, at: string): Promise<ActionItem>;
  /** By uuid or ref (`ACT-1042`). */
  getActionItem(
    idOrRef: string,
    today: string,
  ): Promise<ActionItem | undefined>;
  updateActionItem(
    id: string,
    expectedVersion: number,
    changes: ActionItemChanges,
    at: string,
    today: string,
  ): Promise<ActionItem>;
  /** Overdue first, then by due date. */
  listActionItems(filter: ActionItemListFilter): Promise<Page<ActionItem>>;
  /**
   * Claims the overdue notice of up to `limit` items due before `today`
   * whose owner was not told yet: each claim is one conditional update, so
   * of two replicas racing exactly one gets each item.
   */
  claimOverdueNotices(
    today: string,
    at: string,
    limit: number,
  ): Promise<ActionItem[]>;
}
