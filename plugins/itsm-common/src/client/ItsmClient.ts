// openapi-fetch names its methods after the HTTP verbs: this.api.GET(…).
/* eslint-disable new-cap */
import {
  ActionItem,
  ActionItemListQuery,
  CreateActionItemRequest,
  PutReviewRequest,
  Review,
  ReviewListItem,
  ReviewListQuery,
  UpdateActionItemRequest,
} from '../reviews/types';
import { parseEntityRef } from '@backstage/catalog-model';
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '../schema/openapi.generated';
import {
  CreateIncidentRequest,
  EntityItsmSummary,
  ServicesOpenIncidents,
  Incident,
  IncidentField,
  IncidentListQuery,
  Page,
  TimelineEvent,
  UpdateIncidentRequest,
} from '../incidents/types';
import { SlaComplianceQuery, SlaComplianceReport } from '../sla/types';
import { Alert, AlertListQuery } from '../alerts/types';
import type { KpiReport, KpiReportQuery } from '../kpis/KpiContributions';
import type { WeeklyReview } from '../kpis/WeeklyReview';
import {
  Change,
  ChangeApprovalRequest,
  ChangeConflict,
  ChangeConflictQuery,
  ChangeDetails,
  ChangeEvent,
  ChangeFreeze,
  ChangeGateDecision,
  ChangeGateQuery,
  ChangeListQuery,
  ChangeMetricsReport,
  CreateChangeRequest,
  UpdateChangeRequest,
} from '../changes/types';
import {
  DeclareMajorRequest,
  IncidentSubscriber,
  IncidentUpdateRequest,
  MajorIncident,
  PutIncidentRolesRequest,
  ServiceSubscriber,
  StatusQuery,
  StatusResponse,
} from '../major/types';
import { OnCallResponse, UserOnCallShifts } from '../oncall/api';
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
  ProblemChangesRequest,
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
import { ItsmApi } from './ItsmApi';
import {
  PENDING_BASE_URL,
  commaList,
  dataOf,
  fetchThrough,
  resolveBaseUrl,
  throwOnError,
  toQueryString,
} from './transport';

/**
 * Structural stand-ins for Backstage's discovery and fetch APIs, so the same
 * client works in the browser and in other backend plugins.
 * @public
 */
export interface ItsmClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi?: { fetch: typeof fetch };
}

/**
 * The ITSM API over HTTP: every call's path, parameters and body are
 * type-checked against the paths generated from openapi.yaml.
 * @public
 */
export class ItsmClient implements ItsmApi {
  private readonly api: Client<paths>;

  constructor(options: ItsmClientOptions) {
    this.api = createClient<paths>({
      baseUrl: PENDING_BASE_URL,
      querySerializer: toQueryString,
      fetch: fetchThrough(
        options.fetchApi ?? { fetch: (input, init) => fetch(input, init) },
      ),
    });
    this.api.use(resolveBaseUrl(options.discoveryApi), throwOnError);
  }

  async listIncidents(query: IncidentListQuery = {}): Promise<Page<Incident>> {
    return this.getIncidents(query);
  }

  async listIncidentFields<F extends IncidentField>(
    query: IncidentListQuery,
    fields: readonly F[],
  ): Promise<Page<Pick<Incident, F | 'id'>>> {
    return this.getIncidents(query, fields.join(','));
  }

  private async getIncidents(query: IncidentListQuery, fields?: string) {
    return this.api
      .GET('/incidents', {
        params: {
          query: {
            ...query,
            status: commaList(query.status),
            priority: commaList(query.priority),
            fields,
          },
        },
      })
      .then(dataOf);
  }

  async getSlaCompliance(
    query: SlaComplianceQuery = {},
  ): Promise<SlaComplianceReport> {
    return this.api.GET('/sla/compliance', { params: { query } }).then(dataOf);
  }

  async getKpiReport(query: KpiReportQuery = {}): Promise<KpiReport> {
    return this.api.GET('/reports/kpis', { params: { query } }).then(dataOf);
  }

  async getWeeklyReview(week?: string): Promise<WeeklyReview> {
    return this.api
      .GET('/reports/weekly', { params: { query: { week } } })
      .then(dataOf) as Promise<WeeklyReview>;
  }

  async exportWeeklyReview(
    week: string,
    format: 'md' | 'csv',
  ): Promise<string> {
    return this.api
      .GET('/reports/weekly', {
        params: { query: { week, format } },
        parseAs: 'text',
      })
      .then(dataOf) as Promise<string>;
  }

  async getIncident(id: string): Promise<Incident> {
    return this.api.GET('/incidents/{id}', idParam(id)).then(dataOf);
  }

  async createIncident(request: CreateIncidentRequest): Promise<Incident> {
    return this.api.POST('/incidents', { body: request }).then(dataOf);
  }

  async updateIncident(
    id: string,
    request: UpdateIncidentRequest,
  ): Promise<Incident> {
    return this.api
      .PATCH('/incidents/{id}', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async addIncidentUpdate(
    id: string,
    message: string,
    options: Omit<IncidentUpdateRequest, 'message'> = {},
  ): Promise<TimelineEvent> {
    return this.api
      .POST('/incidents/{id}/updates', {
        ...idParam(id),
        body: { ...options, message },
      })
      .then(dataOf);
  }

  async getMajorIncident(id: string): Promise<MajorIncident> {
    return this.api.GET('/incidents/{id}/major', idParam(id)).then(dataOf);
  }

  async declareMajorIncident(
    id: string,
    request: DeclareMajorRequest,
  ): Promise<MajorIncident> {
    return this.api
      .POST('/incidents/{id}/major', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async putIncidentRoles(
    id: string,
    request: PutIncidentRolesRequest,
  ): Promise<MajorIncident> {
    return this.api
      .PUT('/incidents/{id}/roles', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async subscribeToIncident(
    id: string,
    subscriber?: string,
  ): Promise<{ items: IncidentSubscriber[] }> {
    return this.api
      .POST('/incidents/{id}/subscribers', {
        ...idParam(id),
        body: subscriber ? { subscriber } : {},
      })
      .then(dataOf);
  }

  async unsubscribeFromIncident(
    id: string,
    subscriber?: string,
  ): Promise<{ items: IncidentSubscriber[] }> {
    return this.api
      .DELETE('/incidents/{id}/subscribers', {
        params: { path: { id }, query: { subscriber } },
      })
      .then(dataOf);
  }

  async subscribeToService(
    entityRef: string,
    subscriber?: string,
  ): Promise<{ items: ServiceSubscriber[] }> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return this.api
      .POST('/entities/{kind}/{namespace}/{name}/subscribers', {
        params: { path: { kind, namespace, name } },
        body: subscriber ? { subscriber } : {},
      })
      .then(dataOf);
  }

  async unsubscribeFromService(
    entityRef: string,
    subscriber?: string,
  ): Promise<{ items: ServiceSubscriber[] }> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return this.api
      .DELETE('/entities/{kind}/{namespace}/{name}/subscribers', {
        params: { path: { kind, namespace, name }, query: { subscriber } },
      })
      .then(dataOf);
  }

  async listServicesOpenIncidents(
    owners: string[],
  ): Promise<ServicesOpenIncidents> {
    return this.api
      .GET('/services/open-incidents', {
        params: { query: { owner: owners.join(',') } },
      })
      .then(dataOf);
  }

  async getStatus(query: StatusQuery = {}): Promise<StatusResponse> {
    return this.api.GET('/status', { params: { query } }).then(dataOf);
  }

  async getIncidentTimeline(
    id: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<TimelineEvent>> {
    return this.api
      .GET('/incidents/{id}/timeline', {
        params: { path: { id }, query: options },
      })
      .then(dataOf);
  }

  async getEntitySummary(entityRef: string): Promise<EntityItsmSummary> {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    return this.api
      .GET('/entities/{kind}/{namespace}/{name}/summary', {
        params: { path: { kind, namespace, name } },
      })
      .then(dataOf);
  }

  async listProblems(query: ProblemListQuery = {}): Promise<Page<Problem>> {
    return this.api
      .GET('/problems', {
        params: { query: { ...query, status: commaList(query.status) } },
      })
      .then(dataOf);
  }

  async getProblem(id: string): Promise<Problem> {
    return this.api.GET('/problems/{id}', idParam(id)).then(dataOf);
  }

  async createProblem(request: CreateProblemRequest): Promise<Problem> {
    return this.api.POST('/problems', { body: request }).then(dataOf);
  }

  async updateProblem(
    id: string,
    request: UpdateProblemRequest,
  ): Promise<Problem> {
    return this.api
      .PATCH('/problems/{id}', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async changeProblemIncidents(
    id: string,
    request: ProblemIncidentsRequest,
  ): Promise<Problem> {
    return this.api
      .POST('/problems/{id}/incidents', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async changeProblemChanges(
    id: string,
    request: ProblemChangesRequest,
  ): Promise<Problem> {
    return this.api
      .POST('/problems/{id}/changes', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async getProblemTimeline(
    id: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<ProblemEvent>> {
    return this.api
      .GET('/problems/{id}/timeline', {
        params: { path: { id }, query: options },
      })
      .then(dataOf);
  }

  async listWorkarounds(
    query: WorkaroundListQuery = {},
  ): Promise<Page<Workaround>> {
    return this.api.GET('/workarounds', { params: { query } }).then(dataOf);
  }

  async createWorkaround(
    request: CreateWorkaroundRequest,
  ): Promise<Workaround> {
    return this.api.POST('/workarounds', { body: request }).then(dataOf);
  }

  async updateWorkaround(
    id: string,
    request: UpdateWorkaroundRequest,
  ): Promise<Workaround> {
    return this.api
      .PATCH('/workarounds/{id}', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async applyWorkaround(id: string, incidentId: string): Promise<Workaround> {
    return this.api
      .POST('/workarounds/{id}/uses', { ...idParam(id), body: { incidentId } })
      .then(dataOf);
  }

  async listAlerts(query: AlertListQuery = {}): Promise<Page<Alert>> {
    return this.api.GET('/alerts', { params: { query } }).then(dataOf);
  }

  async getReportSuggestions(
    query: ReportSuggestionsQuery,
  ): Promise<ReportSuggestions> {
    return this.api
      .GET('/report-suggestions', { params: { query } })
      .then(dataOf);
  }

  async listProblemProposals(
    query: ProblemProposalListQuery = {},
  ): Promise<Page<ProblemProposal>> {
    return this.api
      .GET('/problem-proposals', { params: { query } })
      .then(dataOf);
  }

  async acceptProblemProposal(id: string): Promise<Problem> {
    return this.api
      .POST('/problem-proposals/{id}/accept', { ...idParam(id) })
      .then(dataOf);
  }

  async dismissProblemProposal(id: string): Promise<ProblemProposal> {
    return this.api
      .POST('/problem-proposals/{id}/dismiss', { ...idParam(id) })
      .then(dataOf);
  }

  async getOnCall(
    entityRef: string,
    options: { at?: string } = {},
  ): Promise<OnCallResponse> {
    return this.api
      .GET('/oncall', { params: { query: { entityRef, at: options.at } } })
      .then(dataOf);
  }

  async listUserOnCallShifts(
    user: string,
    window: { from?: string; to?: string } = {},
  ): Promise<UserOnCallShifts> {
    return this.api
      .GET('/oncall/shifts', { params: { query: { user, ...window } } })
      .then(dataOf);
  }

  async listSchedules(
    query: { ownerGroup?: string } = {},
  ): Promise<{ items: StoredOnCallSchedule[] }> {
    return this.api.GET('/schedules', { params: { query } }).then(dataOf);
  }

  async getSchedule(id: string): Promise<StoredOnCallSchedule> {
    return this.api.GET('/schedules/{id}', idParam(id)).then(dataOf);
  }

  async createSchedule(
    request: CreateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule> {
    return this.api.POST('/schedules', { body: request }).then(dataOf);
  }

  async updateSchedule(
    id: string,
    request: UpdateOnCallScheduleRequest,
  ): Promise<StoredOnCallSchedule> {
    return this.api
      .PATCH('/schedules/{id}', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async getEscalationPolicy(groupRef: string): Promise<EscalationPolicy> {
    return this.api
      .GET('/escalation-policies/{namespace}/{name}', {
        params: { path: groupPath(groupRef) },
      })
      .then(dataOf);
  }

  async putEscalationPolicy(
    groupRef: string,
    request: PutEscalationPolicyRequest,
  ): Promise<EscalationPolicy> {
    return this.api
      .PUT('/escalation-policies/{namespace}/{name}', {
        params: { path: groupPath(groupRef) },
        body: request,
      })
      .then(dataOf);
  }

  async listChanges(query: ChangeListQuery = {}): Promise<Page<Change>> {
    return this.api
      .GET('/changes', {
        params: { query: { ...query, status: commaList(query.status) } },
      })
      .then(dataOf);
  }

  async getChange(id: string): Promise<ChangeDetails> {
    return this.api.GET('/changes/{id}', idParam(id)).then(dataOf);
  }

  async createChange(request: CreateChangeRequest): Promise<Change> {
    return this.api.POST('/changes', { body: request }).then(dataOf);
  }

  async updateChange(
    id: string,
    request: UpdateChangeRequest,
  ): Promise<ChangeDetails> {
    return this.api
      .PATCH('/changes/{id}', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async decideChange(
    id: string,
    request: ChangeApprovalRequest,
  ): Promise<ChangeDetails> {
    return this.api
      .POST('/changes/{id}/approvals', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async getChangeConflicts(
    query: ChangeConflictQuery,
  ): Promise<ChangeConflict[]> {
    const { items } = await this.api
      .GET('/changes/conflicts', {
        params: { query: { ...query, services: query.services.join(',') } },
      })
      .then(dataOf);
    return items;
  }

  async listChangeFreezes(): Promise<ChangeFreeze[]> {
    const { items } = await this.api.GET('/changes/freezes').then(dataOf);
    return items;
  }

  async getChangeGate(query: ChangeGateQuery): Promise<ChangeGateDecision> {
    return this.api.GET('/changes/gate', { params: { query } }).then(dataOf);
  }

  async getChangeEvents(
    id: string,
    options: { limit?: number; cursor?: string } = {},
  ): Promise<Page<ChangeEvent>> {
    return this.api
      .GET('/changes/{id}/events', { params: { path: { id }, query: options } })
      .then(dataOf);
  }

  async linkCausedIncident(
    id: string,
    incident: string,
  ): Promise<ChangeDetails> {
    return this.api
      .POST('/changes/{id}/incidents', { ...idParam(id), body: { incident } })
      .then(dataOf);
  }

  async unlinkCausedIncident(
    id: string,
    incident: string,
  ): Promise<ChangeDetails> {
    return this.api
      .DELETE('/changes/{id}/incidents/{incident}', {
        params: { path: { id, incident } },
      })
      .then(dataOf);
  }

  async setIncidentCause(
    incident: string,
    change: string | null,
  ): Promise<Incident> {
    return this.api
      .PUT('/incidents/{id}/cause', {
        params: { path: { id: incident } },
        body: { change },
      })
      .then(dataOf);
  }

  async getChangeMetrics(
    query: { entityRef?: string; from?: string; to?: string } = {},
  ): Promise<ChangeMetricsReport> {
    return this.api.GET('/changes/metrics', { params: { query } }).then(dataOf);
  }

  async getReview(incidentId: string): Promise<Review> {
    return this.api
      .GET('/incidents/{id}/review', idParam(incidentId))
      .then(dataOf) as Promise<Review>;
  }

  async getReviewMarkdown(incidentId: string): Promise<string> {
    return this.api
      .GET('/incidents/{id}/review', {
        params: { path: { id: incidentId }, query: { format: 'md' } },
        parseAs: 'text',
      })
      .then(dataOf);
  }

  async putReview(
    incidentId: string,
    request: PutReviewRequest,
  ): Promise<Review> {
    return this.api
      .PUT('/incidents/{id}/review', { ...idParam(incidentId), body: request })
      .then(dataOf);
  }

  async approveReview(incidentId: string, comment?: string): Promise<Review> {
    return this.api
      .POST('/incidents/{id}/review/approvals', {
        ...idParam(incidentId),
        body: comment ? { comment } : {},
      })
      .then(dataOf);
  }

  async listReviews(query: ReviewListQuery): Promise<Page<ReviewListItem>> {
    return this.api.GET('/reviews', { params: { query } }).then(dataOf);
  }

  async listActionItems(
    query: ActionItemListQuery = {},
  ): Promise<Page<ActionItem>> {
    return this.api
      .GET('/action-items', {
        params: {
          query: {
            ...query,
            owner: commaList(query.owner),
            status: commaList(query.status),
          },
        },
      })
      .then(dataOf);
  }

  async createActionItem(
    request: CreateActionItemRequest,
  ): Promise<ActionItem> {
    return this.api.POST('/action-items', { body: request }).then(dataOf);
  }

  async updateActionItem(
    id: string,
    request: UpdateActionItemRequest,
  ): Promise<ActionItem> {
    return this.api
      .PATCH('/action-items/{id}', { ...idParam(id), body: request })
      .then(dataOf);
  }

  async convertActionItem(
    id: string,
    to: 'problem' | 'change',
  ): Promise<ActionItem> {
    return this.api
      .POST('/action-items/{id}/convert', { ...idParam(id), body: { to } })
      .then(dataOf);
  }
}

/** The `{id}` of a path: a uuid or a ref such as `INC-1042`. */
function idParam(id: string) {
  return { params: { path: { id } } };
}

/** `namespace` and `name` of a group ref, for `/escalation-policies/…`. */
function groupPath(groupRef: string) {
  const { namespace, name } = parseEntityRef(groupRef, {
    defaultKind: 'group',
  });
  return { namespace, name };
}
