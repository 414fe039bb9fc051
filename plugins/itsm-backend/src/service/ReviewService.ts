import { AuthService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  checkReviewTransition,
  Incident,
  isReviewEditable,
  PutReviewRequest,
  Review,
  reviewClosingRefusal,
  reviewFactsOf,
  ReviewListItem,
  ReviewListQuery,
  ReviewSections,
  ReviewStatus,
  reviewTimelineOf,
  Page,
  TimelineEvent,
  utcDay,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeStore } from '../database/ChangeStore';
import { IncidentStore, NewTimelineEvent } from '../database/IncidentStore';
import { ProblemStore } from '../database/ProblemStore';
import {
  ActionItemStore,
  ReviewChanges,
  ReviewStore,
  StoredReview,
} from '../database/ReviewStore';
import { ApproverDirectory } from './ApproverDirectory';
import { checkVersion } from './checkVersion';
import { normalizeEntityRef } from './entityRefs';
import { ReviewConfig } from './ReviewConfig';

/** Who writes, and whether the policy lets them publish. */
export interface ReviewActor {
  actor: string;
  mayPublish: boolean;
  now?: string;
}

/**
 * Where reviewers come from besides the owner groups and the configured
 * group. The incident commander (major incidents, another module) is added
 * here once incidents carry one: `commanderOf` returns their user ref.
 */
export interface ReviewerSources {
  commanderOf?: (incident: Incident) => Promise<string | undefined>;
}

export interface ReviewServiceOptions {
  reviews: ReviewStore;
  actionItems: ActionItemStore;
  incidents: IncidentStore;
  problems: Pick<ProblemStore, 'getProblem'>;
  changes: Pick<ChangeStore, 'getChange'>;
  catalog: CatalogService;
  auth: AuthService;
  directory: ApproverDirectory;
  config: ReviewConfig;
  reviewerSources?: ReviewerSources;
}

const MAX_TIMELINE = 2000;

/** Trimmed text, empty sections and list entries left out. */
function cleanSections(sections: ReviewSections): ReviewSections {
  const text = (value: string | undefined) => value?.trim() || undefined;
  const list = (values: string[] | undefined) => {
    const kept = (values ?? []).map(v => v.trim()).filter(Boolean);
    return kept.length ? kept : undefined;
  };
  const impact = sections.customerImpact ?? {};
  const customerImpact = {
    usersAffected: text(impact.usersAffected),
    financial: text(impact.financial),
    reputation: text(impact.reputation),
    notes: text(impact.notes),
  };
  const cleaned: ReviewSections = {
    summary: text(sections.summary),
    customerImpact: Object.values(customerImpact).some(Boolean)
      ? customerImpact
      : undefined,
    detection: text(sections.detection),
    trigger: text(sections.trigger),
    rootCause: text(sections.rootCause),
    contributingFactors: list(sections.contributingFactors),
    fiveWhys: list(sections.fiveWhys),
    resolution: text(sections.resolution),
    wentWell: text(sections.wentWell),
    wentBadly: text(sections.wentBadly),
    lessonsLearned: text(sections.lessonsLearned),
  };
  return JSON.parse(JSON.stringify(cleaned));
}

/** How the incident's timeline tells a review's move. */
function reviewMoveMessage(
  stored: StoredReview,
  to: ReviewStatus,
  changes: ReviewChanges,
): string {
  if (to === 'in_review') {
    const reviewers = changes.reviewers?.length
      ? ` (reviewers: ${changes.reviewers.join(', ')})`
      : '';
    return `Post-incident review submitted for review${reviewers}`;
  }
  if (to === 'published') return 'Post-incident review published';
  return stored.status === 'published'
    ? `Post-incident review reopened as revision ${stored.revision + 1}`
    : 'Post-incident review sent back to draft';
}

/**
 * Post-incident reviews: the lifecycle and its checks, the reviewers, the
 * facts and timeline read from the incident, and the closing rule.
 */
export class ReviewService {
  constructor(private readonly options: ReviewServiceOptions) {}

  /** The review with its facts, timeline and action items; 404 before one exists. */
  async get(incident: Incident, now?: string): Promise<Review> {
    const stored = await this.options.reviews.getReview(incident.id);
    if (!stored) {
      throw new NotFoundError(
        `${incident.ref} has no post-incident review yet; start one with PUT /incidents/${incident.ref}/review`,
      );
    }
    return this.assemble(incident, stored, now ?? new Date().toISOString());
  }

  async put(
    incident: Incident,
    request: Omit<PutReviewRequest, 'version'>,
    version: number | undefined,
    who: ReviewActor,
  ): Promise<Review> {
    const now = who.now ?? new Date().toISOString();
    const { reviews } = this.options;
    const stored = await reviews.getReview(incident.id);
    if (!stored) {
      if (version !== undefined) {
        throw new NotFoundError(
          `${incident.ref} has no review to update; omit version to start it`,
        );
      }
      if (request.status && request.status !== 'draft') {
        throw new InputError(
          'status: a review starts as draft; submit it for review once it is written',
        );
      }
      const created = await reviews.createReview(
        incident.id,
        {
          sections: cleanSections(request.sections ?? {}),
          reviewers: await this.reviewersFor(incident),
          createdBy: who.actor,
        },
        {
          type: 'review_changed',
          actor: who.actor,
          message: 'Post-incident review started',
          after: { reviewStatus: 'draft' },
        },
        now,
      );
      return this.assemble(incident, created, now);
    }

    checkVersion(
      { ref: incident.ref, version: stored.version },
      version,
      'The review of',
    );
    const changes: ReviewChanges = {};
    const events: NewTimelineEvent[] = [];
    if (request.sections) {
      if (!isReviewEditable(stored.status)) {
        throw new ConflictError(
          `The review of ${incident.ref} is published and read-only; open a new revision (status draft) to change it`,
        );
      }
      changes.sections = cleanSections(request.sections);
      // What was approved is what gets published
      if (stored.status === 'in_review' && stored.approvals.length) {
        changes.approvals = [];
      }
    }
    const to = request.status;
    if (to && to !== stored.status) {
      const refusal = checkReviewTransition(stored.status, to, {
        sections: changes.sections ?? stored.sections,
        approvalCount: (changes.approvals ?? stored.approvals).length,
      });
      if (refusal) throw new InputError(`status: ${refusal}`);
      if (to === 'published' && !who.mayPublish) {
        throw new NotAllowedError(
          'Publishing a review needs itsm.review.publish',
        );
      }
      if (to === 'in_review') {
        changes.reviewers = await this.reviewersFor(incident);
        changes.approvals = [];
      }
      if (to === 'published') {
        changes.publishedAt = now;
        changes.publishedBy = who.actor;
      }
      if (to === 'draft') {
        changes.approvals = [];
        if (stored.status === 'published') {
          changes.revision = stored.revision + 1;
          changes.publishedAt = null;
          changes.publishedBy = null;
        }
      }
      changes.status = to;
      events.push({
        type: 'review_changed',
        actor: who.actor,
        message: reviewMoveMessage(stored, to, changes),
        before: { reviewStatus: stored.status },
        after: { reviewStatus: to },
      });
    }
    if (!Object.keys(changes).length) {
      return this.assemble(incident, stored, now);
    }
    const updated = await reviews.updateReview(
      stored,
      stored.version,
      changes,
      events,
      now,
    );
    return this.assemble(incident, updated, now);
  }

  /**
   * Approves a review in review: a member of one of its reviewer groups (or
   * a reviewer named directly), or anyone allowed to publish.
   */
  async approve(
    incident: Incident,
    comment: string | undefined,
    who: ReviewActor,
  ): Promise<Review> {
    const now = who.now ?? new Date().toISOString();
    const stored = await this.options.reviews.getReview(incident.id);
    if (!stored) {
      throw new NotFoundError(`${incident.ref} has no post-incident review`);
    }
    if (stored.status !== 'in_review') {
      throw new ConflictError(
        `The review of ${incident.ref} is ${stored.status}: only a review in review is approved; submit it for review first`,
      );
    }
    if (stored.approvals.some(a => a.reviewer === who.actor)) {
      throw new ConflictError('You already approved this review');
    }
    if (!who.mayPublish) {
      const mine = new Set([
        who.actor,
        ...(await this.options.directory.groupsOf(who.actor)),
      ]);
      if (!stored.reviewers.some(reviewer => mine.has(reviewer))) {
        throw new NotAllowedError(
          `Only the reviewers of this review (${
            stored.reviewers.join(', ') || 'none named'
          }) or holders of itsm.review.publish approve it`,
        );
      }
    }
    const text = comment?.trim() || undefined;
    const updated = await this.options.reviews.updateReview(
      stored,
      stored.version,
      {
        approvals: [
          ...stored.approvals,
          { reviewer: who.actor, at: now, ...(text ? { comment: text } : {}) },
        ],
      },
      [
        {
          type: 'review_changed',
          actor: who.actor,
          message: `Post-incident review approved${text ? `: ${text}` : ''}`,
        },
      ],
      now,
    );
    return this.assemble(incident, updated, now);
  }

  async list(
    query: Omit<ReviewListQuery, 'limit'> & { limit: number },
  ): Promise<Page<ReviewListItem>> {
    return this.options.reviews.listReviews({
      ...query,
      requiredForPriorities: this.options.config.requiredForPriorities,
    });
  }

  /** Why the incident may not close yet (its review), or undefined. */
  async closingRefusal(incident: Incident): Promise<string | undefined> {
    const refusal = reviewClosingRefusal(
      incident,
      undefined,
      this.options.config,
    );
    if (!refusal) return undefined;
    const stored = await this.options.reviews.getReview(incident.id);
    return reviewClosingRefusal(incident, stored, this.options.config);
  }

  /**
   * The owner groups of the affected services, the configured reviewers
   * group and, once incidents have one, the incident commander.
   */
  async reviewersFor(incident: Incident): Promise<string[]> {
    const { catalog, auth, config, reviewerSources } = this.options;
    const reviewers: string[] = [];
    const commander = await reviewerSources?.commanderOf?.(incident);
    if (commander) reviewers.push(commander);
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: incident.affectedServices,
        fields: ['metadata.namespace', 'spec.owner'],
      },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    for (const entity of items) {
      const owner = entity?.spec?.owner;
      if (typeof owner !== 'string') continue;
      try {
        reviewers.push(normalizeEntityRef(owner, 'group'));
      } catch {
        // An owner the catalog would not accept either: nobody to ask
      }
    }
    if (config.reviewersGroup) reviewers.push(config.reviewersGroup);
    return [...new Set(reviewers)];
  }

  private async assemble(
    incident: Incident,
    stored: StoredReview,
    now: string,
  ): Promise<Review> {
    const { problems, changes, actionItems } = this.options;
    const [problem, change, events, items] = await Promise.all([
      incident.problemId ? problems.getProblem(incident.problemId) : undefined,
      incident.causedByChangeId
        ? changes.getChange(incident.causedByChangeId)
        : undefined,
      this.timelineOf(incident.id),
      actionItems.listActionItems({
        incidentId: incident.id,
        today: utcDay(now),
        limit: 500,
      }),
    ]);
    return {
      ...stored,
      incidentRef: incident.ref,
      facts: reviewFactsOf(
        incident,
        { problemRef: problem?.ref, causedByChangeRef: change?.ref },
        now,
      ),
      timeline: reviewTimelineOf(events),
      actionItems: items.items,
    };
  }

  private async timelineOf(incidentId: string): Promise<TimelineEvent[]> {
    const events: TimelineEvent[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.options.incidents.listTimeline(incidentId, {
        limit: 500,
        cursor,
      });
      events.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && events.length < MAX_TIMELINE);
    return events;
  }
}
