/**
 * The search document types of Backstage ITSM, one per read permission, so
 * the search backend hides a whole type from those who may not read it:
 * incidents (`itsm.incident.read`, per incident), problems and known errors
 * and workarounds (`itsm.problem.read`), published post-incident reviews
 * (`itsm.review.read`).
 *
 * @public
 */
export const ITSM_SEARCH_TYPES = {
  incident: 'itsm-incident',
  problem: 'itsm-problem',
  workaround: 'itsm-workaround',
  review: 'itsm-review',
} as const;

/** One of {@link ITSM_SEARCH_TYPES}. @public */
export type ItsmSearchType =
  (typeof ITSM_SEARCH_TYPES)[keyof typeof ITSM_SEARCH_TYPES];

/** Whether a search result's type is one of ITSM's. @public */
export function isItsmSearchType(type: string): type is ItsmSearchType {
  return (Object.values(ITSM_SEARCH_TYPES) as string[]).includes(type);
}

/**
 * What a record is, in the words a user reads on a result: a known error is
 * a problem whose root cause and workaround are known (or a workaround
 * standing alone).
 *
 * @public
 */
export type ItsmSearchRecordKind =
  | 'incident'
  | 'problem'
  | 'known-error'
  | 'workaround'
  | 'review';

/**
 * A Backstage search document of an ITSM record (an `IndexableDocument` of
 * `@backstage/plugin-search-common`, with the record's fields).
 *
 * @public
 */
export interface ItsmSearchDocument {
  /** The record's title; a review's is its incident's. */
  title: string;
  /** The words a user searches: description, root cause, steps, sections. */
  text: string;
  /** The frontend route of the record, e.g. `/itsm/problems/PRB-1042`. */
  location: string;
  /** What the record is (one search type holds problems and known errors). */
  kind: ItsmSearchRecordKind;
  /** The human reference: `INC-1042`, `PRB-12`, `WA-3`. */
  ref: string;
  /** The record's status as the API names it, e.g. `known_error`. */
  status: string;
  /** P1–P5, for incidents and reviews. */
  priority?: string;
  /** The primary affected service's entity ref. */
  entityRef?: string;
  /** The owning or assigned group's entity ref. */
  owner?: string;
  /** When the record was last changed (reviews: published), ISO 8601. */
  lastUpdated?: string;
  /** Incidents: the resource the search backend checks per user. */
  authorization?: { resourceRef: string };
}
