import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  IncidentEventListener,
  OnCallProvider,
} from '@openitsm/backstage-plugin-itsm-node';
import { ApproverDirectory } from '../service/ApproverDirectory';
import { ChangeService } from '../service/ChangeService';
import { EntityRefValidator } from '../service/EntityRefValidator';
import { IncidentEventPublisher } from '../service/IncidentEventPublisher';
import { IncidentService } from '../service/IncidentService';
import { ItsmConfig } from '../service/ItsmConfig';
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

/** What the domain services are built from. */
export interface ItsmServicesOptions {
  config: ItsmConfig;
  stores: ItsmStores;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** Incident event listeners registered by modules. */
  listeners: IncidentEventListener[];
  /** On-call providers registered by modules. */
  providers: OnCallProvider[];
  /** Tells action item owners; silent when not given. */
  actionItemNotifier?: ActionItemNotifier;
}

/** Each domain service, built once. */
export function createServices(options: ItsmServicesOptions) {
  const { config, stores, catalog, auth, logger } = options;
  const refs = new EntityRefValidator(catalog, config.affectedServiceKinds);
  const events = new IncidentEventPublisher(options.listeners, logger);
  const oncall = new OnCallService({
    store: stores.oncall,
    catalog,
    auth,
    providers: options.providers,
    logger,
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
    problemExists: async ref => !!(await stores.problems.getProblem(ref)),
  });
  const problems = new ProblemService({
    store: stores.problems,
    incidents: stores.incidents,
    refs,
    changeExists: async ref => !!(await stores.changes.getChange(ref)),
  });
  const workarounds = new WorkaroundService({
    store: stores.workarounds,
    incidents: stores.incidents,
    similar: stores.similarIncidents,
    refs,
  });
  const schedules = new OnCallScheduleService(stores.oncall, refs);
  return {
    events,
    incidents,
    changes,
    problems,
    workarounds,
    oncall,
    schedules,
    reviews,
    actionItems,
  };
}

/** @internal */
export type ItsmServices = ReturnType<typeof createServices>;
