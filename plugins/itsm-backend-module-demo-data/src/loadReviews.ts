import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ActionItemStatus,
  Incident,
  IncidentStatus,
  Priority,
  ReviewSections,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRecordsService } from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';

/** One seeded review: which incident (the newest match), and how far it got. */
export interface SeedReview {
  incident: { title: string; priority: Priority; status: IncidentStatus };
  major?: boolean;
  author?: string;
  startedDaysAgo?: number;
  sections?: ReviewSections;
  /** Sent to review (and left there unless publishedBy is set). */
  submitted?: boolean;
  approvedBy?: string[];
  publishedBy?: string;
  publishedDaysAgo?: number;
  actionItems?: Array<{
    title: string;
    owner: string;
    /** Negative: due in the past, so overdue unless done. */
    dueDaysFromNow: number;
    status: ActionItemStatus;
  }>;
}

const DAY = 24 * 3600_000;

async function findIncident(
  records: ItsmRecordsService,
  wanted: SeedReview['incident'],
): Promise<Incident | undefined> {
  const found = await records.findIncidents({ q: wanted.title, limit: 50 });
  return found.find(
    i =>
      i.title === wanted.title &&
      i.priority === wanted.priority &&
      i.status === wanted.status,
  );
}

/**
 * Marks the seeded major incidents and replays their reviews and action
 * items through the review rules, once: only when there are no reviews yet.
 */
export async function loadReviews(options: {
  file: string;
  records: ItsmRecordsService;
  logger: LoggerService;
  now?: Date;
}): Promise<number> {
  const { file, records, logger } = options;
  if ((await records.countReviews()) > 0) return 0;
  const { reviews: seeds } = JSON.parse(await fs.readFile(file, 'utf8')) as {
    reviews: SeedReview[];
  };
  const now = (options.now ?? new Date()).getTime();
  const daysAgo = (days: number) => new Date(now - days * DAY).toISOString();
  const day = (daysFromNow: number) =>
    new Date(now + daysFromNow * DAY).toISOString().slice(0, 10);
  let loaded = 0;
  for (const seed of seeds) {
    let incident = await findIncident(records, seed.incident);
    if (!incident) {
      logger.warn(`No seeded incident "${seed.incident.title}" to review`);
      continue;
    }
    if (seed.major) {
      incident = await records.markMajorIncident(incident, {
        actor: incident.reporter,
        at: incident.detectedAt,
      });
    }
    if (!seed.sections || !seed.author) continue;
    const author = {
      actor: seed.author,
      at: daysAgo(seed.startedDaysAgo ?? 1),
    };
    let review = await records.putReview(
      incident,
      { sections: seed.sections },
      author,
    );
    for (const item of seed.actionItems ?? []) {
      const created = await records.createActionItem(
        {
          title: item.title,
          owner: item.owner,
          dueDate: day(item.dueDaysFromNow),
          incident: incident.id,
        },
        author,
      );
      if (item.status !== 'open') {
        await records.updateActionItem(
          created,
          { version: created.version, status: item.status },
          { actor: item.owner.startsWith('user:') ? item.owner : seed.author },
        );
      }
    }
    if (seed.submitted || seed.publishedBy) {
      review = await records.putReview(
        incident,
        { version: review.version, status: 'in_review' },
        author,
      );
    }
    const publishedAt = daysAgo(seed.publishedDaysAgo ?? 0);
    for (const reviewer of seed.approvedBy ?? []) {
      review = await records.approveReview(incident, undefined, {
        actor: reviewer,
        at: publishedAt,
      });
    }
    if (seed.publishedBy) {
      review = await records.putReview(
        incident,
        { version: review.version, status: 'published' },
        { actor: seed.publishedBy, at: publishedAt },
      );
    }
    loaded += 1;
  }
  logger.info(`Seeded ${loaded} post-incident reviews from ${file}`);
  return loaded;
}
