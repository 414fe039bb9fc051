import { parseEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import {
  CreateIncidentRequest,
  EntityItsmSummary,
  Incident,
  IncidentListQuery,
  Page,
  TimelineEvent,
  UpdateIncidentRequest,
} from '../incidents/types';
import { SlaComplianceQuery, SlaComplianceReport } from '../sla/types';
import {
  Change,
  ChangeApprovalRequest,
  ChangeConflict,
  ChangeConflictQuery,
  ChangeDetails,
  ChangeEvent,
  ChangeFreeze,
  ChangeListQuery,
  ChangeMetricsReport,
  CreateChangeRequest,
  UpdateChangeRequest,
} from '../changes/types';
import { OnCallResponse } from '../oncall/api';
import {
  CreateOnCallScheduleRequest,
  EscalationPolicy,
  PutEscalationPolicyRequest,
  StoredOnCallSchedule,
  UpdateOnCallScheduleRequest,
} from '../oncall/resources';
import {
  CreateProblemRequest,
  CreateWorkaroundRequest,
  Problem,
  ProblemEvent,
  ProblemIncidentsRequest,
  ProblemListQuery,
  ProblemProposal,
  ProblemProposalListQuery,
  ReportSuggestions,
  ReportSuggestionsQuery,
  UpdateProblemRequest,
  UpdateWorkaroundRequest,
  Workaround,
  WorkaroundListQuery,
} from '../problems/types';

/**
 * The ITSM HTTP API, as a typed interface. The frontend's `itsmApiRef`
 * and other backends use it.
 * @public
 */
export interface ItsmApi {
  listIncidents(query?: IncidentListQuery): Promise<Page<Incident>>;
  getIncident(id: string): Promise<Incident>;
  createIncident(request: CreateIncidentRequest): Promise<Incident>;
  updateIncident(id: string, request: UpdateIncidentRequest): Promise<Incident>;
  addIncidentUpdate(id: string, message: string): Promise<TimelineEvent>;
  getIncidentTimeline(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<TimelineEvent>>;
  getEntitySummary(entityRef: string): Promise<EntityItsmSummary>;
  getSlaCompliance(query?: SlaComplianceQuery): Promise<SlaComplianceReport>;

  // On-call
  /** Who is on call for an entity now, or at `at` (ISO 8601). */
  getOnCall(
    entityRef: string,
    options?: { at?: string },
  ): Promise<OnCallResponse>;
  listSchedules(query?: {
    ownerGroup?: string;
  }): Promise<{ items: StoredOnCallSchedule[] }>;
  getSchedule(id: string): Promise<StoredOnCallSchedule>;
  createSchedule(
    request: CreateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule>;
  updateSchedule(
    id: string,
    request: UpdateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule>;
  /** A group's escalation policy; a 404 when it has none. */
  getEscalationPolicy(groupRef: string): Promise<EscalationPolicy>;
  putEscalationPolicy(
    groupRef: string,
    request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicy>;

  // Problems, workarounds and recurrence proposals
  listProblems(query?: ProblemListQuery): Promise<Page<Problem>>;
  getProblem(id: string): Promise<Problem>;
  createProblem(request: CreateProblemRequest): Promise<Problem>;
  updateProblem(id: string, request: UpdateProblemRequest): Promise<Problem>;
  changeProblemIncidents(
    id: string,
    request: ProblemIncidentsRequest,
  ): Promise<Problem>;
  getProblemTimeline(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<ProblemEvent>>;
  listWorkarounds(query?: WorkaroundListQuery): Promise<Page<Workaround>>;
  createWorkaround(request: CreateWorkaroundRequest): Promise<Workaround>;
  updateWorkaround(
    id: string,
    request: UpdateWorkaroundRequest,
  ): Promise<Workaround>;
  applyWorkaround(id: string, incidentId: string): Promise<Workaround>;
  getReportSuggestions(
    query: ReportSuggestionsQuery,
  ): Promise<ReportSuggestions>;
  listProblemProposals(
    query?: ProblemProposalListQuery,
  ): Promise<Page<ProblemProposal>>;
  acceptProblemProposal(id: string): Promise<Problem>;
  dismissProblemProposal(id: string): Promise<ProblemProposal>;
  listChanges(query?: ChangeListQuery): Promise<Page<Change>>;
  getChange(id: string): Promise<ChangeDetails>;
  createChange(request: CreateChangeRequest): Promise<Change>;
  updateChange(
    id: string,
    request: UpdateChangeRequest,
  ): Promise<ChangeDetails>;
  decideChange(
    id: string,
    request: ChangeApprovalRequest,
  ): Promise<ChangeDetails>;
  getChangeConflicts(query: ChangeConflictQuery): Promise<ChangeConflict[]>;
  listChangeFreezes(): Promise<ChangeFreeze[]>;
  getChangeEvents(
    id: string,
    options?: { limit?: number; cursor?: string },
  ): Promise<Page<ChangeEvent>>;
  /** Records that the change caused the incident (uuid or ref). */
  linkCausedIncident(id: string, incident: string): Promise<ChangeDetails>;
  unlinkCausedIncident(id: string, incident: string): Promise<ChangeDetails>;
  /** The incident's side of the same link; `null` unlinks. */
  setIncidentCause(incident: string, change: string | null): Promise<Incident>;
  getChangeMetrics(query?: {
    entityRef?: string;
    from?: string;
    to?: string;
  }): Promise<ChangeMetricsReport>;
}

/**
 * Structural stand-ins for Backstage's discovery and fetch APIs, so the same
 * client works in the browser and in other backend plugins.
 * @public
 */
export interface ItsmClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
}

/** @public */
export class ItsmClient implements ItsmApi {
  private readonly discoveryApi: ItsmClientOptions['discoveryApi'];
  private readonly fetchApi: { fetch: typeof fetch };

  constructor(options: ItsmClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi ?? { fetch: (...a) => fetch(...a) };
  }

  async listIncidents(query: IncidentListQuery = {}): Promise<Page<Incident>> {
    return this.request(`/incidents${toQueryString(query)}`);
  }

  async getSlaCompliance(
    query: SlaComplianceQuery = {},
  ): Promise<SlaComplianceReport> {
    return this.request(`/sla/compliance${toQueryString(query)}`);
  }

  async getIncident(id: string): Promise<Incident> {
    return this.request(`/incidents/${encodeURIComponent(id)}`);
  }

  async createIncident(request: CreateIncidentRequest): Promise<Incident> {
    return this.request('/incidents', { method: 'POST', body: request });
  }

  async updateIncident(
    id: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident> {
    return this.request(`/incidents/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: request,
    });
  }

  async addIncidentUpdate(id: string, message: string): Promise<TimelineEvent> {
    return this.request(`/incidents/${encodeURIComponent(id)}/updates`, {
      method: 'POST',
      body: { message },
    });
  }

  async getIncidentTimeline(
    id: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<TimelineEvent>> {
    const params = new URLSearchParams();
    if (options.limit) params.set('limit', String(options.limit));
    if (options.cursor) params.set('cursor', options.cursor);
    const qs = params.toString();
    return this.request(
      `/incidents/${encodeURIComponent(id)}/timeline${qs ? `?${qs}` : ''}`,
    );
  }

  async getEntitySummary(entityRef: string): Promise<EntityItsmSummary> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return this.request(
      `/entities/${encodeURIComponent(kind)}/${encodeURIComponent(
        namespace,
      )}/${encodeURIComponent(name)}/summary`,
    );
  }

  async listProblems(query: ProblemListQuery = {}): Promise<Page<Problem>> {
    return this.request(`/problems${toQueryString(query)}`);
  }

  async getProblem(id: string): Promise<Problem> {
    return this.request(`/problems/${encodeURIComponent(id)}`);
  }

  async createProblem(request: CreateProblemRequest): Promise<Problem> {
    return this.request('/problems', { method: 'POST', body: request });
  }

  async updateProblem(
    id: string,
    request: UpdateProblemRequest,
  ): Promise<Problem> {
    return this.request(`/problems/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: request,
    });
  }

  async changeProblemIncidents(
    id: string,
    request: ProblemIncidentsRequest,
  ): Promise<Problem> {
    return this.request(`/problems/${encodeURIComponent(id)}/incidents`, {
      method: 'POST',
      body: request,
    });
  }

  async getProblemTimeline(
    id: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<ProblemEvent>> {
    return this.request(
      `/problems/${encodeURIComponent(id)}/timeline${toQueryString(options)}`,
    );
  }

  async listWorkarounds(
    query: WorkaroundListQuery = {},
  ): Promise<Page<Workaround>> {
    return this.request(`/workarounds${toQueryString(query)}`);
  }

  async createWorkaround(
    request: CreateWorkaroundRequest,
  ): Promise<Workaround> {
    return this.request('/workarounds', { method: 'POST', body: request });
  }

  async updateWorkaround(
    id: string,
    request: UpdateWorkaroundRequest,
  ): Promise<Workaround> {
    return this.request(`/workarounds/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: request,
    });
  }

  async applyWorkaround(id: string, incidentId: string): Promise<Workaround> {
    return this.request(`/workarounds/${encodeURIComponent(id)}/uses`, {
      method: 'POST',
      body: { incidentId },
    });
  }

  async getReportSuggestions(
    query: ReportSuggestionsQuery,
  ): Promise<ReportSuggestions> {
    return this.request(`/report-suggestions${toQueryString(query)}`);
  }

  async listProblemProposals(
    query: ProblemProposalListQuery = {},
  ): Promise<Page<ProblemProposal>> {
    return this.request(`/problem-proposals${toQueryString(query)}`);
  }

  async acceptProblemProposal(id: string): Promise<Problem> {
    return this.request(`/problem-proposals/${encodeURIComponent(id)}/accept`, {
      method: 'POST',
    });
  }

  async dismissProblemProposal(id: string): Promise<ProblemProposal> {
    return this.request(
      `/problem-proposals/${encodeURIComponent(id)}/dismiss`,
      { method: 'POST' },
    );
  }

  async getOnCall(
    entityRef: string,
    options: { at?: string } = {},
  ): Promise<OnCallResponse> {
    return this.request(
      `/oncall${toQueryString({ entityRef, at: options.at })}`,
    );
  }

  async listSchedules(
    query: { ownerGroup?: string } = {},
  ): Promise<{ items: StoredOnCallSchedule[] }> {
    return this.request(`/schedules${toQueryString(query)}`);
  }

  async getSchedule(id: string): Promise<StoredOnCallSchedule> {
    return this.request(`/schedules/${encodeURIComponent(id)}`);
  }

  async createSchedule(
    request: CreateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule> {
    return this.request('/schedules', { method: 'POST', body: request });
  }

  async updateSchedule(
    id: string,
    request: UpdateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule> {
    return this.request(`/schedules/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: request,
    });
  }

  async getEscalationPolicy(groupRef: string): Promise<EscalationPolicy> {
    return this.request(`/escalation-policies/${groupPath(groupRef)}`);
  }

  async putEscalationPolicy(
    groupRef: string,
    request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicy> {
    return this.request(`/escalation-policies/${groupPath(groupRef)}`, {
      method: 'PUT',
      body: request,
    });
  }

  async listChanges(query: ChangeListQuery = {}): Promise<Page<Change>> {
    return this.request(`/changes${toQueryString(query)}`);
  }

  async getChange(id: string): Promise<ChangeDetails> {
    return this.request(`/changes/${encodeURIComponent(id)}`);
  }

  async createChange(request: CreateChangeRequest): Promise<Change> {
    return this.request('/changes', { method: 'POST', body: request });
  }

  async updateChange(
    id: string,
    request: UpdateChangeRequest,
  ): Promise<ChangeDetails> {
    return this.request(`/changes/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: request,
    });
  }

  async decideChange(
    id: string,
    request: ChangeApprovalRequest,
  ): Promise<ChangeDetails> {
    return this.request(`/changes/${encodeURIComponent(id)}/approvals`, {
      method: 'POST',
      body: request,
    });
  }

  async getChangeConflicts(
    query: ChangeConflictQuery,
  ): Promise<ChangeConflict[]> {
    const { items } = await this.request<{ items: ChangeConflict[] }>(
      `/changes/conflicts${toQueryString(query)}`,
    );
    return items;
  }

  async listChangeFreezes(): Promise<ChangeFreeze[]> {
    const { items } = await this.request<{ items: ChangeFreeze[] }>(
      '/changes/freezes',
    );
    return items;
  }

  async getChangeEvents(
    id: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<ChangeEvent>> {
    return this.request(
      `/changes/${encodeURIComponent(id)}/events${toQueryString(options)}`,
    );
  }

  async linkCausedIncident(
    id: string,
    incident: string,
  ): Promise<ChangeDetails> {
    return this.request(`/changes/${encodeURIComponent(id)}/incidents`, {
      method: 'POST',
      body: { incident },
    });
  }

  async unlinkCausedIncident(
    id: string,
    incident: string,
  ): Promise<ChangeDetails> {
    return this.request(
      `/changes/${encodeURIComponent(id)}/incidents/${encodeURIComponent(
        incident,
      )}`,
      { method: 'DELETE' },
    );
  }

  async setIncidentCause(
    incident: string,
    change: string | null,
  ): Promise<Incident> {
    return this.request(`/incidents/${encodeURIComponent(incident)}/cause`, {
      method: 'PUT',
      body: { change },
    });
  }

  async getChangeMetrics(
    query: { entityRef?: string; from?: string; to?: string } = {},
  ): Promise<ChangeMetricsReport> {
    return this.request(`/changes/metrics${toQueryString(query)}`);
  }

  private async request<T>(
    path: string,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('itsm');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined
          ? undefined
          : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}

/** `namespace/name` of a group ref, for `/escalation-policies/…` paths. */
function groupPath(groupRef: string): string {
  const { namespace, name } = parseEntityRef(groupRef, {
    defaultKind: 'group',
  });
  return `${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/** `?a=1&b=x,y` from defined values; arrays are joined with commas. */
function toQueryString(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}
