import { AuthService } from '@backstage/backend-plugin-api';
import {
  ItsmActor,
  ItsmRecordsService,
} from '@openitsm/backstage-plugin-itsm-node';
import { ItsmStores } from '../wiring/createStores';
import { ItsmServices } from '../wiring/createServices';
import { ActorContext } from './IncidentService';

/**
 * The domain services as backend modules see them (demo data, imports):
 * the same calls the routes make, with refs checked in the catalog with the
 * plugin's own credentials.
 */
export class ItsmRecords implements ItsmRecordsService {
  private readonly services: ItsmServices;
  private readonly stores: ItsmStores;
  private readonly auth: AuthService;

  constructor(options: {
    services: ItsmServices;
    stores: ItsmStores;
    auth: AuthService;
  }) {
    this.services = options.services;
    this.stores = options.stores;
    this.auth = options.auth;
  }

  countIncidents() {
    return this.stores.incidents.countIncidents();
  }

  async findIncidents(query: {
    entityRef?: string;
    q?: string;
    limit?: number;
  }) {
    const page = await this.stores.incidents.listIncidents({
      ...query,
      limit: Math.min(query.limit ?? 50, 500),
    });
    return page.items;
  }

  async createIncident(
    ...[request, by]: Parameters<ItsmRecordsService['createIncident']>
  ) {
    return this.services.incidents.create(request, await this.context(by));
  }

  async updateIncident(
    ...[incident, request, by]: Parameters<ItsmRecordsService['updateIncident']>
  ) {
    return this.services.incidents.update(
      incident,
      request,
      await this.context(by),
    );
  }

  async addIncidentUpdate(
    ...[incident, message, by]: Parameters<
      ItsmRecordsService['addIncidentUpdate']
    >
  ) {
    return this.services.incidents.addUpdate(
      incident,
      message,
      await this.context(by),
    );
  }

  async countProblems() {
    const page = await this.stores.problems.listProblems({
      limit: 1,
      now: new Date().toISOString(),
    });
    return page.totalCount ?? page.items.length;
  }

  async getProblem(idOrRef: string) {
    return this.stores.problems.getProblem(idOrRef);
  }

  async createProblem(
    ...[request, incidents, by]: Parameters<ItsmRecordsService['createProblem']>
  ) {
    return this.services.problems.create(
      request,
      incidents,
      await this.context(by),
    );
  }

  async updateProblem(
    ...[problem, request, by]: Parameters<ItsmRecordsService['updateProblem']>
  ) {
    return this.services.problems.update(
      problem,
      request,
      await this.context(by),
    );
  }

  async createWorkaround(
    ...[request, problem, by]: Parameters<
      ItsmRecordsService['createWorkaround']
    >
  ) {
    return this.services.workarounds.create(
      request,
      problem,
      await this.context(by),
    );
  }

  async applyWorkaround(
    ...[workaround, incident, by]: Parameters<
      ItsmRecordsService['applyWorkaround']
    >
  ) {
    return this.services.workarounds.apply(
      workaround,
      incident,
      await this.context(by),
    );
  }

  async declareMajorIncident(
    ...[incident, request, by]: Parameters<
      ItsmRecordsService['declareMajorIncident']
    >
  ) {
    return this.services.majorIncidents.declare(
      incident,
      request,
      await this.context(by),
    );
  }

  async setIncidentRoles(
    ...[incident, request, by]: Parameters<
      ItsmRecordsService['setIncidentRoles']
    >
  ) {
    await this.services.majorIncidents.setRoles(
      incident,
      request,
      await this.context(by),
    );
  }

  async subscribeToIncident(
    ...[incident, subscriber, by]: Parameters<
      ItsmRecordsService['subscribeToIncident']
    >
  ) {
    await this.services.majorIncidents.subscribe(
      incident,
      subscriber,
      await this.context(by),
    );
  }

  async postStakeholderUpdate(
    ...[incident, request, by]: Parameters<
      ItsmRecordsService['postStakeholderUpdate']
    >
  ) {
    return this.services.majorIncidents.postStakeholderUpdate(
      incident,
      { ...request, audience: 'stakeholders' },
      await this.context(by),
    );
  }

  countChanges() {
    return this.stores.changes.countChanges();
  }

  async createChange(
    ...[request, by]: Parameters<ItsmRecordsService['createChange']>
  ) {
    return this.services.changes.create(request, await this.context(by));
  }

  async updateChange(
    ...[change, request, by]: Parameters<ItsmRecordsService['updateChange']>
  ) {
    return this.services.changes.update(
      change,
      request,
      await this.context(by),
    );
  }

  async decideChange(
    ...[change, request, by]: Parameters<ItsmRecordsService['decideChange']>
  ) {
    // Loaders act for the plugin: they see every incident
    return this.services.changes.decide(
      change,
      request,
      await this.context(by),
      { result: 'all' },
    );
  }

  async setIncidentCause(
    ...[incident, change, by]: Parameters<
      ItsmRecordsService['setIncidentCause']
    >
  ) {
    await this.services.changes.setIncidentCause(
      incident,
      change,
      await this.context(by),
    );
  }

  async countSchedules() {
    return (await this.stores.oncall.listSchedules()).length;
  }

  async createSchedule(
    ...[request, by]: Parameters<ItsmRecordsService['createSchedule']>
  ) {
    const { credentials, now } = await this.context(by);
    return this.services.schedules.create(request, credentials, now!);
  }

  async putEscalationPolicy(
    ...[groupRef, request, by]: Parameters<
      ItsmRecordsService['putEscalationPolicy']
    >
  ) {
    const { credentials, now } = await this.context(by);
    return this.services.schedules.putPolicy(
      groupRef,
      request,
      credentials,
      now!,
    );
  }

  async markMajorIncident(
    ...[incident, by]: Parameters<ItsmRecordsService['markMajorIncident']>
  ) {
    if (incident.major) return incident;
    const { now } = await this.context(by);
    return this.stores.incidents.updateIncident(
      incident.id,
      incident.version,
      { major: true },
      [
        {
          type: 'fields_changed',
          actor: by.actor,
          message: 'Declared a major incident',
          before: { major: false },
          after: { major: true },
        },
      ],
      now!,
    );
  }

  countReviews() {
    return this.stores.reviews.countReviews();
  }

  async putReview(
    ...[incident, request, by]: Parameters<ItsmRecordsService['putReview']>
  ) {
    const { version, ...rest } = request;
    return this.services.reviews.put(incident, rest, version, {
      actor: by.actor,
      mayPublish: true,
      now: by.at,
    });
  }

  async approveReview(
    ...[incident, comment, by]: Parameters<ItsmRecordsService['approveReview']>
  ) {
    return this.services.reviews.approve(incident, comment, {
      actor: by.actor,
      mayPublish: true,
      now: by.at,
    });
  }

  async createActionItem(
    ...[request, by]: Parameters<ItsmRecordsService['createActionItem']>
  ) {
    const incident = await this.services.actionItems.incidentOf(
      'incident',
      request.incident,
    );
    return this.services.actionItems.create(
      request,
      incident,
      await this.context(by),
    );
  }

  async updateActionItem(
    ...[item, request, by]: Parameters<ItsmRecordsService['updateActionItem']>
  ) {
    const { version, ...rest } = request;
    return this.services.actionItems.update(
      item,
      rest,
      version,
      await this.context(by),
    );
  }

  private async context(by: ItsmActor): Promise<ActorContext> {
    return {
      actor: by.actor,
      credentials: await this.auth.getOwnServiceCredentials(),
      now: by.at ?? new Date().toISOString(),
    };
  }
}
