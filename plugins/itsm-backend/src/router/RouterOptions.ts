import {
  AuditorService,
  AuthService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { IncidentAuthorizer } from '../permissions/IncidentAuthorizer';
import { IncidentService } from '../service/IncidentService';
import { IncidentStore } from '../database/IncidentStore';
import { DatabaseSlaStore } from '../database/DatabaseSlaStore';
import { DatabaseOnCallStore } from '../database/DatabaseOnCallStore';
import { OnCallAuthorizer } from '../permissions/OnCallAuthorizer';
import { OnCallService } from '../service/OnCallService';
import { OnCallScheduleService } from '../service/OnCallScheduleService';
import { ProblemAuthorizer } from '../permissions/ProblemAuthorizer';
import { ProblemService } from '../service/ProblemService';
import { WorkaroundService } from '../service/WorkaroundService';
import {
  ProblemProposalStore,
  ProblemStore,
  WorkaroundStore,
} from '../database/ProblemStore';
import { ChangeAuthorizer } from '../permissions/ChangeAuthorizer';
import { ChangeService } from '../service/ChangeService';
import { ChangeStore } from '../database/ChangeStore';
import { AlertIngestService } from '../ingest/AlertIngestService';
import { DatabaseAlertStore } from '../database/DatabaseAlertStore';
import { MajorIncidentService } from '../service/MajorIncidentService';
import { StatusBoard } from '../service/StatusBoard';
import { UserOnCallShifts } from '../service/UserOnCallShifts';
import { OwnedServicesOpenIncidents } from '../service/OwnedServicesOpenIncidents';
import { ReviewAuthorizer } from '../permissions/ReviewAuthorizer';
import { ReviewService } from '../service/ReviewService';
import { ActionItemService } from '../service/ActionItemService';
import { ReportAuthorizer } from '../permissions/ReportAuthorizer';
import { DatabaseKpiStore } from '../database/DatabaseKpiStore';
import { SystemServices } from '../service/SystemServices';
import { ResponseCache } from './ResponseCache';

/** What `createRouter` is built from; each route module picks what it uses. */
export interface RouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  /** Where internal errors are logged, under the request id the caller sees. */
  logger: LoggerService;
  authorizer: IncidentAuthorizer;
  incidents: IncidentService;
  store: IncidentStore;
  slaStore: DatabaseSlaStore;
  oncall: OnCallService;
  schedules: OnCallScheduleService;
  oncallStore: DatabaseOnCallStore;
  oncallAuthorizer: OnCallAuthorizer;
  problemAuthorizer: ProblemAuthorizer;
  problems: ProblemService;
  problemStore: ProblemStore;
  workarounds: WorkaroundService;
  workaroundStore: WorkaroundStore;
  proposalStore: ProblemProposalStore;
  changeAuthorizer: ChangeAuthorizer;
  changes: ChangeService;
  changeStore: ChangeStore;
  ingest: AlertIngestService;
  alertStore: DatabaseAlertStore;
  majorIncidents: MajorIncidentService;
  statusBoard: StatusBoard;
  /** A person's shifts across the built-in schedules. */
  userShifts: UserOnCallShifts;
  /** The open incidents of services owned by some groups. */
  ownedServices: OwnedServicesOpenIncidents;
  reviewAuthorizer: ReviewAuthorizer;
  reviews: ReviewService;
  actionItems: ActionItemService;
  reportAuthorizer: ReportAuthorizer;
  kpiStore: DatabaseKpiStore;
  /** A system's services, for reports filtered by system. */
  systemServices: SystemServices;
  /** Keeps a service page's read answers briefly (see ResponseCache). */
  responseCache: ResponseCache;
  /** Answers `/health`; throws when the database is unreachable. */
  healthCheck: () => Promise<void>;
}
