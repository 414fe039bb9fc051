import {
  Page,
  Problem,
  ProblemEvent,
  ProblemEventType,
  ProblemListQuery,
  ProblemProposal,
  ProblemProposalListQuery,
  Workaround,
  WorkaroundListQuery,
} from '@openitsm/backstage-plugin-itsm-common';
import { NewTimelineEvent } from './IncidentStore';

/** The stored fields of a problem that the service layer sets. */
export type ProblemFields = Omit<
  Problem,
  | 'id'
  | 'ref'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'affectedServices'
  | 'incidentCount'
  | 'fixChanges'
>;

/** A partial update; `null` clears an optional field. */
export type ProblemChanges = {
  [K in keyof ProblemFields]?: ProblemFields[K] | null;
};

export interface NewProblemEvent {
  type: ProblemEventType;
  actor: string;
  message: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Incident ids to link or unlink; each incident's timeline records it as
 * done by `actor`.
 */
export interface IncidentLinkChange {
  link: string[];
  unlink: string[];
  actor: string;
}

/**
 * Change ids to link to the problem (their problemRef set) or unlink; each
 * change's audit trail records it as done by `actor`.
 */
export interface ChangeLinkChange {
  link: string[];
  unlink: string[];
  actor: string;
}

export interface ProblemListFilter extends Omit<ProblemListQuery, 'limit'> {
  limit: number;
  /** Evaluation time for minAgeDays. */
  now: string;
}

/** Persistence of problems, their incident links and their audit trail. */
export interface ProblemStore {
  /**
   * Creates a problem with a fresh ref, links incidents and writes the
   * events, in one transaction. With `fromProposalId`, the proposal is
   * marked accepted in the same transaction (409 if it is no longer open).
   */
  createProblem(
    fields: ProblemFields,
    links: Omit<IncidentLinkChange, 'unlink'>,
    events: NewProblemEvent[],
    at: string,
    options?: { fromProposalId?: string },
  ): Promise<Problem>;

  getProblem(idOrRef: string): Promise<Problem | undefined>;

  listProblems(filter: ProblemListFilter): Promise<Page<Problem>>;

  /** Writes changes only if the stored version is `expectedVersion` (else 409). */
  updateProblem(
    id: string,
    expectedVersion: number,
    changes: ProblemChanges,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Problem>;

  /**
   * Links and unlinks incidents, rewrites the derived affected services and
   * bumps the problem's version, in one transaction. An incident linked to
   * another problem is a 409.
   */
  changeIncidentLinks(
    id: string,
    expectedVersion: number,
    change: IncidentLinkChange,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Problem>;

  /**
   * Points changes at the problem (or away from it), writes each change's
   * event and version and the problem's events, and bumps the problem's
   * version, in one transaction. A change naming another problem is a 409.
   */
  changeChangeLinks(
    id: string,
    expectedVersion: number,
    change: ChangeLinkChange,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Problem>;

  listEvents(
    subjectKind: ProblemEvent['subjectKind'],
    subjectId: string,
    options: { limit: number; cursor?: string },
  ): Promise<Page<ProblemEvent>>;
}

export type WorkaroundFields = Omit<
  Workaround,
  | 'id'
  | 'ref'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'useCount'
  | 'problemRef'
  | 'problemStatus'
>;

export type WorkaroundChanges = Partial<
  Pick<WorkaroundFields, 'title' | 'steps' | 'affectedServices' | 'status'>
>;

export interface WorkaroundListFilter
  extends Omit<WorkaroundListQuery, 'limit'> {
  limit: number;
  /**
   * Text in the workaround's title or ref, or its problem's title or ref
   * (the known-error search of the AI assistants' actions).
   */
  q?: string;
}

/** Persistence of workarounds and of the incidents that applied them. */
export interface WorkaroundStore {
  createWorkaround(
    fields: WorkaroundFields,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Workaround>;

  getWorkaround(idOrRef: string): Promise<Workaround | undefined>;

  listWorkarounds(filter: WorkaroundListFilter): Promise<Page<Workaround>>;

  updateWorkaround(
    id: string,
    expectedVersion: number,
    changes: WorkaroundChanges,
    events: NewProblemEvent[],
    at: string,
  ): Promise<Workaround>;

  /**
   * Records that an incident applied the workaround, with the incident's
   * timeline event, in one transaction. Applying it twice is a 409.
   */
  recordUse(
    workaroundId: string,
    incidentId: string,
    actor: string,
    event: NewTimelineEvent,
    at: string,
  ): Promise<Workaround>;
}

export interface NewProblemProposal {
  entityRef: string;
  reason: ProblemProposal['reason'];
  title: string;
  summary: string;
  incidentIds: string[];
}

/** An incident the recurrence detector considers. */
export interface RecurrenceIncident {
  id: string;
  ref: string;
  title: string;
  category: string;
  entityRef: string;
}

export interface ProblemProposalListFilter
  extends Omit<ProblemProposalListQuery, 'limit'> {
  limit: number;
}

/** Proposals of the recurrence detector, and the queries it runs. */
export interface ProblemProposalStore {
  /** Services with at least `minIncidents` unlinked incidents since `since`. */
  servicesWithRecurrence(
    since: string,
    minIncidents: number,
    limit: number,
  ): Promise<string[]>;

  /** A service's unlinked, not cancelled incidents since `since`, bounded. */
  unlinkedIncidents(
    entityRef: string,
    since: string,
    limit: number,
  ): Promise<RecurrenceIncident[]>;

  /** Unlinked major or P1 incidents since `since`, bounded. */
  unlinkedMajorIncidents(
    since: string,
    limit: number,
  ): Promise<RecurrenceIncident[]>;

  /**
   * Stores a proposal unless the same set of incidents was ever proposed
   * (open, accepted or dismissed); true when it was new.
   */
  propose(proposal: NewProblemProposal, at: string): Promise<boolean>;

  getProposal(id: string): Promise<ProblemProposal | undefined>;

  listProposals(
    filter: ProblemProposalListFilter,
  ): Promise<Page<ProblemProposal>>;

  /** Marks an open proposal dismissed; 409 if it is no longer open. */
  dismiss(id: string, actor: string, at: string): Promise<ProblemProposal>;
}
