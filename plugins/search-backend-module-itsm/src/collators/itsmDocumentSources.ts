import {
  ITSM_SEARCH_TYPES,
  itsmIncidentReadPermission,
  itsmProblemReadPermission,
  itsmReviewReadPermission,
  Workaround,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmDocumentSource } from './ItsmCollatorFactory';
import {
  incidentDocument,
  problemDocument,
  reviewDocument,
  workaroundDocument,
} from './itsmDocuments';
import { eachItem } from './pages';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Incidents detected within the window; each checked per user at search time. */
export const incidentSource: ItsmDocumentSource = {
  type: ITSM_SEARCH_TYPES.incident,
  visibilityPermission: itsmIncidentReadPermission,
  async *documents(itsm, config, now) {
    const from = new Date(
      now.getTime() - config.incidentWindowDays * DAY_MS,
    ).toISOString();
    const incidents = eachItem(cursor =>
      itsm.listIncidents({ from, limit: config.pageSize, cursor }),
    );
    for await (const incident of incidents) {
      yield incidentDocument(incident, config);
    }
  },
};

/**
 * Problems and known errors, with their workarounds' words: searching a
 * workaround's steps finds the problem too. Workarounds are far fewer than
 * problems' other text, so they are grouped in memory first.
 */
export const problemSource: ItsmDocumentSource = {
  type: ITSM_SEARCH_TYPES.problem,
  visibilityPermission: itsmProblemReadPermission,
  async *documents(itsm, config) {
    const workaroundsByProblem = new Map<string, Workaround[]>();
    const workarounds = eachItem(cursor =>
      itsm.listWorkarounds({ limit: config.pageSize, cursor }),
    );
    for await (const workaround of workarounds) {
      if (workaround.problemId && workaround.status === 'active') {
        const list = workaroundsByProblem.get(workaround.problemId) ?? [];
        list.push(workaround);
        workaroundsByProblem.set(workaround.problemId, list);
      }
    }
    const problems = eachItem(cursor =>
      itsm.listProblems({ limit: config.pageSize, cursor }),
    );
    for await (const problem of problems) {
      yield problemDocument(
        problem,
        workaroundsByProblem.get(problem.id) ?? [],
        config,
      );
    }
  },
};

/** Workarounds, active and retired, of problems or standing alone. */
export const workaroundSource: ItsmDocumentSource = {
  type: ITSM_SEARCH_TYPES.workaround,
  visibilityPermission: itsmProblemReadPermission,
  async *documents(itsm, config) {
    const workarounds = eachItem(cursor =>
      itsm.listWorkarounds({ limit: config.pageSize, cursor }),
    );
    for await (const workaround of workarounds) {
      yield workaroundDocument(workaround, config);
    }
  },
};

/**
 * Published post-incident reviews. The search backend checks one permission
 * per type: `itsm.review.read` here, which the ITSM API also requires; its
 * per-incident read rules are not applied to review documents (see README).
 */
export const reviewSource: ItsmDocumentSource = {
  type: ITSM_SEARCH_TYPES.review,
  visibilityPermission: itsmReviewReadPermission,
  async *documents(itsm, config) {
    const published = eachItem(cursor =>
      itsm.listReviews({
        status: 'published',
        limit: config.pageSize,
        cursor,
      }),
    );
    for await (const item of published) {
      const review = await itsm.getReview(item.incidentId);
      yield reviewDocument(item, review, config);
    }
  },
};

/** Every ITSM document source, one search type each. */
export const itsmDocumentSources: ItsmDocumentSource[] = [
  incidentSource,
  problemSource,
  workaroundSource,
  reviewSource,
];
