import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
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
  const callerFrom = callerFromCredentials(auth);
  return async req =>
    callerFrom(
      await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      }),
    );
}

/**
 * The caller behind credentials a request already carried, such as those an
 * action of the actions registry is invoked with: the same answer as for an
 * HTTP request, so actions and routes check the same things.
 */
export function callerFromCredentials(auth: AuthService) {
  return async (credentials: BackstageCredentials): Promise<Caller> => {
    if (auth.isPrincipal(credentials, 'user')) {
      return {
        credentials,
        catalogCredentials: credentials,
        actor: credentials.principal.userEntityRef,
        isUser: true,
      };
    }
    if (!auth.isPrincipal(credentials, 'service')) {
      throw new NotAllowedError('Sign in, or call with a service token');
    }
    return {
      credentials,
      catalogCredentials: await auth.getOwnServiceCredentials(),
      actor: credentials.principal.subject,
      isUser: false,
    };
  };
}
