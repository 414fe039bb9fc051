import type { components, operations } from '../schema/openapi.generated';
import { enumValues } from '../schema/enumValues';
import { ProblemStatus } from './ProblemLifecycle';

/** @public */
export type Problem = components['schemas']['Problem'];

/** @public */
export type CreateProblemRequest =
  components['schemas']['CreateProblemRequest'];

/**
 * Fields a PATCH may change. The API also takes the version as an
 * `If-Match` header; this client sends it in the body, so it is required.
 * @public
 */
export type UpdateProblemRequest =
  components['schemas']['UpdateProblemRequest'] & { version: number };

/**
 * Link and/or unlink incidents (ids or refs) in one change; the version as
 * in {@link UpdateProblemRequest}.
 * @public
 */
export type ProblemIncidentsRequest =
  components['schemas']['ProblemIncidentsRequest'] & { version: number };

/**
 * A change that names the problem (its problemRef), with its status and
 * outcome: the problem's side of the one problem–change link.
 * @public
 */
export type ProblemFixChange = components['schemas']['ProblemFixChange'];

/**
 * Link and/or unlink the changes that fix a problem (ids or refs); the
 * version as in {@link UpdateProblemRequest}.
 * @public
 */
export type ProblemChangesRequest =
  components['schemas']['ProblemChangesRequest'] & { version: number };

/**
 * The query of `listProblems`: statuses as a list, which the client sends
 * comma-separated.
 * @public
 */
export interface ProblemListQuery {
  status?: ProblemStatus[];
  entityRef?: string;
  ownerGroup?: string;
  /** Only problems opened at least this many days ago. */
  minAgeDays?: number;
  q?: string;
  limit?: number;
  cursor?: string;
}

/** @public */
export type ProblemEventType = components['schemas']['ProblemEventType'];

/**
 * One append-only audit entry on a problem or a workaround.
 * @public
 */
export type ProblemEvent = components['schemas']['ProblemEvent'];

/** @public */
export type WorkaroundStatus = components['schemas']['WorkaroundStatus'];

/** @public */
export const WORKAROUND_STATUSES = enumValues<WorkaroundStatus>()([
  'active',
  'retired',
]);

/**
 * A workaround of a problem, or a standalone known error.
 * @public
 */
export type Workaround = components['schemas']['Workaround'];

/** @public */
export type CreateWorkaroundRequest =
  components['schemas']['CreateWorkaroundRequest'];

/**
 * Fields a PATCH may change; the version as in {@link UpdateProblemRequest}.
 * @public
 */
export type UpdateWorkaroundRequest =
  components['schemas']['UpdateWorkaroundRequest'] & { version: number };

/** @public */
export type WorkaroundListQuery = NonNullable<
  operations['ListWorkarounds']['parameters']['query']
>;

/**
 * What the report dialog shows before a new incident is filed on a service.
 * @public
 */
export type ReportSuggestions = components['schemas']['ReportSuggestions'];

/** @public */
export type ReportSuggestionsQuery =
  operations['GetReportSuggestions']['parameters']['query'];

/** @public */
export type ProblemProposalStatus =
  components['schemas']['ProblemProposalStatus'];

/**
 * A problem the recurrence detector suggests, with its incidents.
 * @public
 */
export type ProblemProposal = components['schemas']['ProblemProposal'];

/** @public */
export type ProblemProposalListQuery = NonNullable<
  operations['ListProblemProposals']['parameters']['query']
>;
