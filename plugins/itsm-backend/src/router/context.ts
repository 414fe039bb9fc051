import {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';
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

/** What the route handlers share. */
export interface RouterContext {
  auth: AuthService;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
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
}

/**
 * The caller's credentials, the ref recorded as actor on the timeline, and
 * the credentials to look entities up with: the user's own (so they only
 * name entities they can see), or this plugin's for service callers such as
 * API tokens, which are restricted to the itsm plugin.
 */
export async function callerOf(
  { httpAuth, auth }: Pick<RouterContext, 'httpAuth' | 'auth'>,
  req: Request<any, any, any, any>,
): Promise<{
  credentials: BackstageCredentials;
  catalogCredentials: BackstageCredentials;
  actor: string;
  isUser: boolean;
}> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string };
  const actor =
    principal.type === 'user' ? principal.userEntityRef : principal.subject;
  const catalogCredentials =
    principal.type === 'user'
      ? credentials
      : await auth.getOwnServiceCredentials();
  return {
    credentials,
    catalogCredentials,
    actor,
    isUser: principal.type === 'user',
  };
}
