import {
  AuditorService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';
import { IncidentAuthorizer } from '../permissions/IncidentAuthorizer';
import { IncidentService } from '../service/IncidentService';
import { IncidentStore } from '../database/IncidentStore';

/** What the route handlers share. */
export interface RouterContext {
  httpAuth: HttpAuthService;
  auditor: AuditorService;
  logger: LoggerService;
  authorizer: IncidentAuthorizer;
  incidents: IncidentService;
  store: IncidentStore;
}

/** The caller's credentials and the ref recorded as actor on the timeline. */
export async function callerOf(
  httpAuth: HttpAuthService,
  req: Request<any, any, any, any>,
): Promise<{ credentials: BackstageCredentials; actor: string }> {
  const credentials = await httpAuth.credentials(req, {
    allow: ['user', 'service'],
  });
  const principal = credentials.principal as
    | { type: 'user'; userEntityRef: string }
    | { type: 'service'; subject: string };
  const actor =
    principal.type === 'user' ? principal.userEntityRef : principal.subject;
  return { credentials, actor };
}
