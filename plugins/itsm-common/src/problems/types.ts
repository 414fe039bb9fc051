import { Incident } from '../incidents/types';
import { ProblemStatus } from './ProblemLifecycle';

/** @public */
export interface Problem {
  id: string;
  /** Human reference, e.g. `PRB-1042`. */
  ref: string;
  title: string;
  description: string;
  status: ProblemStatus;
  /** Union of the linked incidents' services and those added by hand. */
  affectedServices: string[];
  /** The services added by hand (a subset of affectedServices). */
  addedServices: string[];
  rootCause?: string;
  /** The change that fixed it, e.g. `CHG-1042`. */
  fixChangeRef?: string;
  ownerGroup?: string;
  assignee?: string;
  createdBy: string;
  incidentCount: number;
  resolvedAt?: string;
  closedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** @public */
export interface CreateProblemRequest {
  title: string;
  description?: string;
  /** Incident ids or refs to link from the start. */
  incidentIds?: string[];
  /** Services beyond those of the linked incidents. */
  affectedServices?: string[];
  ownerGroup?: string;
  assignee?: string;
}

/** @public */
export interface UpdateProblemRequest {
  version: number;
  title?: string;
  description?: string;
  status?: ProblemStatus;
  rootCause?: string | null;
  fixChangeRef?: string | null;
  /** Replaces the services added by hand (the linked incidents' stay). */
  affectedServices?: string[];
  ownerGroup?: string | null;
  assignee?: string | null;
}

/**
 * Link and/or unlink incidents (ids or refs) in one change.
 * @public
 */
export interface ProblemIncidentsRequest {
  version: number;
  link?: string[];
  unlink?: string[];
}

/** @public */
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
export type ProblemEventType =
  | 'created'
  | 'status_changed'
  | 'fields_changed'
  | 'incidents_linked'
  | 'incidents_unlinked'
  | 'workaround_published'
  | 'workaround_changed';

/**
 * One append-only audit entry on a problem or a workaround.
 * @public
 */
export interface ProblemEvent {
  id: string;
  subjectKind: 'problem' | 'workaround';
  subjectId: string;
  type: ProblemEventType;
  actor: string;
  at: string;
  message: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/** @public */
export type WorkaroundStatus = 'active' | 'retired';

/** @public */
export const WORKAROUND_STATUSES: readonly WorkaroundStatus[] = [
  'active',
  'retired',
];

/**
 * A workaround of a problem, or a standalone known error.
 * @public
 */
export interface Workaround {
  id: string;
  /** Human reference, e.g. `WA-1042`. */
  ref: string;
  problemId?: string;
  problemRef?: string;
  problemStatus?: ProblemStatus;
  title: string;
  /** Markdown. */
  steps: string;
  /** The services it applies to. */
  affectedServices: string[];
  status: WorkaroundStatus;
  /** How many incidents applied it. */
  useCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** @public */
export interface CreateWorkaroundRequest {
  /** Problem id or ref; absent for a standalone known error. */
  problemId?: string;
  title: string;
  steps: string;
  /** The services it applies to; empty means the problem's. */
  affectedServices: string[];
  status?: WorkaroundStatus;
}

/** @public */
export interface UpdateWorkaroundRequest {
  version: number;
  title?: string;
  steps?: string;
  affectedServices?: string[];
  status?: WorkaroundStatus;
}

/** @public */
export interface WorkaroundListQuery {
  entityRef?: string;
  status?: WorkaroundStatus;
  problemId?: string;
  /** Active workarounds whose problem is not resolved (or standalone). */
  open?: boolean;
  limit?: number;
  cursor?: string;
}

/**
 * What the report dialog shows before a new incident is filed on a service.
 * @public
 */
export interface ReportSuggestions {
  workarounds: Workaround[];
  similarIncidents: Incident[];
}

/** @public */
export interface ReportSuggestionsQuery {
  entityRef: string;
  title?: string;
  description?: string;
  category?: string;
}

/** @public */
export type ProblemProposalStatus = 'open' | 'accepted' | 'dismissed';

/**
 * A problem the recurrence detector suggests, with its incidents.
 * @public
 */
export interface ProblemProposal {
  id: string;
  entityRef: string;
  reason: 'recurrence' | 'major';
  /** Human sentence: why it was proposed. */
  summary: string;
  title: string;
  incidentIds: string[];
  incidentRefs: string[];
  status: ProblemProposalStatus;
  problemId?: string;
  decidedBy?: string;
  decidedAt?: string;
  createdAt: string;
}

/** @public */
export interface ProblemProposalListQuery {
  entityRef?: string;
  status?: ProblemProposalStatus;
  limit?: number;
  cursor?: string;
}
