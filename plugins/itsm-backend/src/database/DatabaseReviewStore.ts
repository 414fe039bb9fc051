import { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Page,
  ReviewListItem,
  ReviewStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { Knex } from 'knex';
import { v4 as uuid } from 'uuid';
import { DbTime } from './DbTime';
import { NewTimelineEvent } from './IncidentStore';
import { insertTimelineEvents } from './incidentTimeline';
import { newestFirstPage, nextPageCursor } from './keysetPage';
import { migratedClient } from './migratedClient';
import {
  ReviewChanges,
  ReviewListFilter,
  ReviewStore,
  StoredReview,
} from './ReviewStore';
import { isUniqueViolation } from './uniqueViolation';

type ReviewRow = {
  id: string;
  incident_id: string;
  status: ReviewStatus;
  revision: number;
  sections_json: string;
  reviewers_json: string;
  approvals_json: string;
  created_by: string;
  published_at: Date | string | null;
  published_by: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
};

type ListRow = {
  id: string;
  ref: string;
  title: string;
  priority: ReviewListItem['priority'];
  major: boolean | number;
  status: ReviewListItem['incidentStatus'];
  detected_at: Date | string;
  resolved_at: Date | string | null;
  review_status: ReviewStatus | null;
  review_version: number | null;
  published_at: Date | string | null;
};

/** Post-incident reviews on Backstage's database. */
export class DatabaseReviewStore implements ReviewStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseReviewStore> {
    return new DatabaseReviewStore(await migratedClient(options.database));
  }

  private readonly time: DbTime;

  private constructor(private readonly db: Knex) {
    this.time = new DbTime(db);
  }

  async createReview(
    incidentId: string,
    fields: Pick<StoredReview, 'sections' | 'reviewers' | 'createdBy'>,
    event: NewTimelineEvent,
    at: string,
  ): Promise<StoredReview> {
    try {
      await this.db.transaction(async tx => {
        await tx('itsm_reviews').insert({
          id: uuid(),
          incident_id: incidentId,
          status: 'draft',
          revision: 1,
          sections_json: JSON.stringify(fields.sections),
          reviewers_json: JSON.stringify(fields.reviewers),
          approvals_json: '[]',
          created_by: fields.createdBy,
          version: 1,
          created_at: this.time.toDb(at),
          updated_at: this.time.toDb(at),
        });
        await insertTimelineEvents(tx, this.time, incidentId, [event], at);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(
          'This incident already has a review (someone started it meanwhile); reload it and send its version',
        );
      }
      throw error;
    }
    return (await this.getReview(incidentId))!;
  }

  async getReview(incidentId: string): Promise<StoredReview | undefined> {
    const row = await this.db<ReviewRow>('itsm_reviews')
      .where({ incident_id: incidentId })
      .first();
    return row ? this.toReview(row) : undefined;
  }

  async updateReview(
    review: StoredReview,
    expectedVersion: number,
    changes: ReviewChanges,
    events: NewTimelineEvent[],
    at: string,
  ): Promise<StoredReview> {
    await this.db.transaction(async tx => {
      const columns: Record<string, unknown> = {};
      if (changes.status) columns.status = changes.status;
      if (changes.revision) columns.revision = changes.revision;
      if (changes.sections) {
        columns.sections_json = JSON.stringify(changes.sections);
      }
      if (changes.reviewers) {
        columns.reviewers_json = JSON.stringify(changes.reviewers);
      }
      if (changes.approvals) {
        columns.approvals_json = JSON.stringify(changes.approvals);
      }
      if (changes.publishedAt !== undefined) {
        columns.published_at = changes.publishedAt
          ? this.time.toDb(changes.publishedAt)
          : null;
      }
      if (changes.publishedBy !== undefined) {
        columns.published_by = changes.publishedBy;
      }
      const updated = await tx('itsm_reviews')
        .where({ id: review.id, version: expectedVersion })
        .update({
          ...columns,
          version: expectedVersion + 1,
          updated_at: this.time.toDb(at),
        });
      if (updated !== 1) {
        const current = await tx('itsm_reviews')
          .where({ id: review.id })
          .first('version');
        if (!current) throw new NotFoundError(`No review with id ${review.id}`);
        throw new ConflictError(
          `The review was changed by someone else (version ${current.version}, you sent ${expectedVersion}); reload it and apply your change again`,
        );
      }
      await insertTimelineEvents(tx, this.time, review.incidentId, events, at);
    });
    return (await this.getReview(review.incidentId))!;
  }

  async listReviews(filter: ReviewListFilter): Promise<Page<ReviewListItem>> {
    const query = this.db('itsm_incidents as i').leftJoin(
      'itsm_reviews as r',
      'r.incident_id',
      'i.id',
    );
    if (filter.status === 'to_write') {
      query
        .where(inner => {
          inner.where('i.major', true);
          if (filter.requiredForPriorities.length) {
            inner.orWhereIn('i.priority', [...filter.requiredForPriorities]);
          }
        })
        .whereNotIn('i.status', ['closed', 'cancelled'])
        .where(inner => inner.whereNull('r.id').orWhere('r.status', 'draft'));
      if (filter.blocked === true) query.where('i.status', 'resolved');
      if (filter.blocked === false) query.whereNot('i.status', 'resolved');
    } else {
      query.where('r.status', filter.status);
    }
    if (filter.entityRef) {
      query.whereExists(q =>
        q
          .select(1)
          .from('itsm_incident_services as s')
          .whereRaw('s.incident_id = i.id')
          .where('s.entity_ref', filter.entityRef!),
      );
    }
    query.select(
      'i.id',
      'i.ref',
      'i.title',
      'i.priority',
      'i.major',
      'i.status',
      'i.detected_at',
      'i.resolved_at',
      'r.status as review_status',
      'r.version as review_version',
      'r.published_at',
    );
    const { rows, hasMore } = await newestFirstPage<ListRow>(query, {
      timeColumn: 'i.detected_at',
      idColumn: 'i.id',
      limit: filter.limit,
      cursor: filter.cursor,
      time: this.time,
    });
    const services = await this.servicesOf(rows.map(row => row.id));
    const items = rows.map(row => this.toListItem(row, services, filter));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: nextPageCursor(
        hasMore,
        last && [last.detectedAt, last.incidentId],
      ),
    };
  }

  async countReviews(): Promise<number> {
    const row = await this.db('itsm_reviews').count({ count: '*' }).first();
    return Number((row as { count: number | string }).count);
  }

  private async servicesOf(ids: string[]): Promise<Map<string, string[]>> {
    const byIncident = new Map<string, string[]>();
    if (!ids.length) return byIncident;
    const rows = await this.db('itsm_incident_services')
      .whereIn('incident_id', ids)
      .orderBy([
        { column: 'incident_id' },
        { column: 'is_primary', order: 'desc' },
        { column: 'entity_ref' },
      ])
      .select('incident_id', 'entity_ref');
    for (const row of rows) {
      const list = byIncident.get(row.incident_id) ?? [];
      list.push(row.entity_ref);
      byIncident.set(row.incident_id, list);
    }
    return byIncident;
  }

  private toListItem(
    row: ListRow,
    services: Map<string, string[]>,
    filter: ReviewListFilter,
  ): ReviewListItem {
    const major = Boolean(row.major);
    const required =
      major || filter.requiredForPriorities.includes(row.priority);
    return {
      incidentId: row.id,
      incidentRef: row.ref,
      incidentTitle: row.title,
      priority: row.priority,
      major,
      incidentStatus: row.status,
      affectedServices: services.get(row.id) ?? [],
      detectedAt: this.time.fromDb(row.detected_at),
      resolvedAt: row.resolved_at
        ? this.time.fromDb(row.resolved_at)
        : undefined,
      reviewStatus: row.review_status ?? undefined,
      reviewVersion:
        row.review_version === null ? undefined : Number(row.review_version),
      publishedAt: row.published_at
        ? this.time.fromDb(row.published_at)
        : undefined,
      blocksClosing:
        required &&
        row.status === 'resolved' &&
        row.review_status !== 'published',
    };
  }

  private toReview(row: ReviewRow): StoredReview {
    return {
      id: row.id,
      incidentId: row.incident_id,
      status: row.status,
      revision: Number(row.revision),
      sections: JSON.parse(row.sections_json),
      reviewers: JSON.parse(row.reviewers_json),
      approvals: JSON.parse(row.approvals_json),
      createdBy: row.created_by,
      createdAt: this.time.fromDb(row.created_at),
      updatedAt: this.time.fromDb(row.updated_at),
      publishedAt: row.published_at
        ? this.time.fromDb(row.published_at)
        : undefined,
      publishedBy: row.published_by ?? undefined,
      version: Number(row.version),
    };
  }
}
