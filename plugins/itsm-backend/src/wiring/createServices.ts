import {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  IncidentEventListener,
  OnCallProvider,
} from '@openitsm/backstage-plugin-itsm-node';
import { AlertIngestService } from '../ingest/AlertIngestService';
import { AlertRoutingIndex } from '../ingest/AlertRoutingIndex';
import { IngestConfig } from '../ingest/IngestConfig';
import { ApproverDirectory } from '../service/ApproverDirectory';
import { CachedEntities } from '../service/CachedEntities';
import { ChangeService } from '../service/ChangeService';
import { EntityRefValidator } from '../service/EntityRefValidator';
import { IncidentEventPublisher } from '../service/IncidentEventPublisher';
import { IncidentService } from '../service/IncidentService';
import { ItsmConfig } from '../service/ItsmConfig';
import { MajorIncidentCatalog } from '../service/MajorIncidentCatalog';
import { SystemServices } from '../service/SystemServices';
import { createMajorIncidentNotifier } from '../service/majorIncidentNotifier';
import { MajorIncidentService } from '../service/MajorIncidentService';
import { StatusBoard } from '../service/StatusBoard';
import { OwnedServicesOpenIncidents } from '../service/OwnedServicesOpenIncidents';
import { UserOnCallShifts } from '../service/UserOnCallShifts';
import { OnCallScheduleService } from '../service/OnCallScheduleService';
import { OnCallService } from '../service/OnCallService';
import { ProblemService } from '../service/ProblemService';
import { SlaCalculator } from '../service/SlaCalculator';
import { SlaTierResolver } from '../service/SlaTierResolver';
import { WorkaroundService } from '../service/WorkaroundService';
import { ReviewService } from '../service/ReviewService';
import { ActionItemService } from '../service/ActionItemService';
import { ActionItemNotifier } from '../service/actionItemNotifier';
import { ItsmStores } from './createStores';
import { RecordEvents } from '../events/recordEvents';

/** What the domain services are built from. */
export interface ItsmServicesOptions {
  config: ItsmConfig;
  /** `itsm.ingest`: alert routing, severity and lifecycle. */
  ingest: IngestConfig;
  stores: ItsmStores;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Backstage's cache service, for catalog entities read on hot paths. */
  cache: CacheService;
  notifications: NotificationService;
  /** Incident event listeners registered by modules. */
  listeners: IncidentEventListener[];
  /** On-call providers registered by modules. */
  providers: OnCallProvider[];
  /** Tells action item owners; silent when not given. */
  actionItemNotifier?: ActionItemNotifier;
  /** Told of committed problem and change writes (the events service). */
  recordEvents?: RecordEvents;
}

/** Each domain service, built once. */
export function createServices(options: ItsmServicesOptions) {
  const { config, stores, catalog, auth, logger } = options;
  const refs = new EntityRefValidator(catalog, config.affectedServiceKinds);
  const events = new IncidentEventPublisher(options.listeners, logger);
  const oncall = new OnCallService({
    store: stores.oncall,
    auth,
    providers: options.providers,
    logger,
    entities: new CachedEntities({ catalog, auth, cache: options.cache }),
  });
  const directory = new ApproverDirectory(catalog, auth);
  const reviews = new ReviewService({
    reviews: stores.reviews,
    actionItems: stores.actionItems,
    incidents: stores.incidents,
    problems: stores.problems,
    changes: stores.changes,
    catalog,
    auth,
    directory,
    config: config.reviews,
    // The crisis cell's commander reviews the major incident's review too
    reviewerSources: {
      commanderOf: async incident =>
        (await stores.majorIncidents.getRolesOf(incident.id)).find(
          role => role.role === 'commander',
        )?.userRef,
    },
  });
  const actionItems = new ActionItemService({
    store: stores.actionItems,
    reviews: stores.reviews,
    incidents: stores.incidents,
    problems: stores.problems,
    changes: stores.changes,
    refs,
    notifier: options.actionItemNotifier ?? { notify: async () => {} },
  });
  const incidents = new IncidentService({
    store: stores.incidents,
    refs,
    config,
    sla: new SlaCalculator(config.sla),
    tiers: new SlaTierResolver(catalog, auth),
    events,
    oncall,
    logger,
    closingRefusal: incident => reviews.closingRefusal(incident),
  });
  const changes = new ChangeService({
    store: stores.changes,
    incidents: stores.incidents,
    refs,
    config: config.changes,
    directory,
    problems: stores.problems,
    events: options.recordEvents,
  });
  const problems = new ProblemService({
    store: stores.problems,
    incidents: stores.incidents,
    refs,
    changes: stores.changes,
    events: options.recordEvents,
  });
  const workarounds = new WorkaroundService({
    store: stores.workarounds,
    incidents: stores.incidents,
    similar: stores.similarIncidents,
    refs,
  });
  const schedules = new OnCallScheduleService(stores.oncall, refs);
  const ingest = new AlertIngestService({
    alerts: stores.alerts,
    incidents,
    incidentStore: stores.incidents,
    workarounds,
    routing: new AlertRoutingIndex({
      catalog,
      auth,
      logger,
      kinds: config.affectedServiceKinds,
      refreshSeconds: options.ingest.catalogRefreshSeconds,
    }),
    config: options.ingest,
    logger,
  });
  const majorCatalog = new MajorIncidentCatalog(catalog, auth);
  const notifier = createMajorIncidentNotifier(options.notifications, logger);
  const majorIncidents = new MajorIncidentService({
    store: stores.majorIncidents,
    incidents: stores.incidents,
    catalog: majorCatalog,
    oncall,
    refs,
    notifier,
    config: config.majorIncidents,
    logger,
    events,
  });
  const statusBoard = new StatusBoard({
    incidents: stores.incidents,
    store: stores.majorIncidents,
    catalog: majorCatalog,
    config: config.majorIncidents,
    serviceKinds: config.affectedServiceKinds,
  });
  // The home page's "my shifts" and "my groups' services"
  const userShifts = new UserOnCallShifts(stores.oncall);
  const ownedServices = new OwnedServicesOpenIncidents({
    catalog,
    incidents: stores.incidents,
    serviceKinds: config.affectedServiceKinds,
  });
  return {
    notifier,
    majorIncidents,
    statusBoard,
    userShifts,
    ownedServices,
    systemServices: new SystemServices(catalog, config.affectedServiceKinds),
    events,
    incidents,
    changes,
    problems,
    workarounds,
    oncall,
    schedules,
    ingest,
    reviews,
    actionItems,
  };
}

/** @internal */
export type ItsmServices = ReturnType<typeof createServices>;
