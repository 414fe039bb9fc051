import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { Request } from 'express';

/** Who is calling, as the routes need it. */
export interface Caller {
  /** What permissions are checked against. */
  credentials: BackstageCredentials;
  /**
   * What entity refs are looked up with: the user's own (so they only name
   * entities they can see), or this plugin's for service callers such as
   * API tokens, which are restricted to the itsm plugin.
   */
  catalogCredentials: BackstageCredentials;
  /** The ref recorded as actor on the timeline. */
  actor: string;
  isUser: boolean;
}

/** Resolves the caller of a request; users and services are allowed. */
export type CallerOf = (req: Request<any, any, any, any>) => Promise<Caller>;

export function callerResolver({
  auth,
  httpAuth,
}: {
  auth: AuthService;
  httpAuth: HttpAuthService;
}): CallerOf {
  return async req => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const { principal } = credentials;
    if (principal.type === 'user') {
      return {
        credentials,
        catalogCredentials: credentials,
        actor: principal.userEntityRef,
        isUser: true,
      };
    }
    return {
      credentials,
      catalogCredentials: await auth.getOwnServiceCredentials(),
      actor: principal.subject,
      isUser: false,
    };
  };
}
