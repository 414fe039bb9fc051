import { Request } from 'express';
import { Caller } from './caller';
import { RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { ReplayRoute } from './ResponseCache';

/**
 * The scope of an incident read decision: every caller allowed all
 * incidents shares answers; a filtered caller shares them with callers of
 * the same filter only.
 */
export function incidentReadScope(
  decision: { result: 'all' } | { result: 'filtered'; filter: unknown },
): string {
  return decision.result === 'all'
    ? 'incidents:all'
    : `incidents:filtered:${JSON.stringify(decision.filter)}`;
}

/**
 * On-call answers show people as the caller sees them in the catalog: a
 * user's answer is theirs; services all read with the plugin's credentials.
 */
export function onCallScope(caller: Caller): string {
  return caller.isUser ? `oncall:${caller.actor}` : 'oncall:plugin';
}

/** Workarounds and changes: one answer for everyone allowed to read them. */
export const WORKAROUNDS_SCOPE = 'workarounds';
export const CHANGES_SCOPE = 'changes';

export type ReadAuthorizationDeps = Pick<
  RouterOptions,
  'authorizer' | 'oncallAuthorizer' | 'problemAuthorizer' | 'changeAuthorizer'
> &
  Pick<RouteHelpers, 'callerOf'>;

/**
 * A service page's read authorizations, each asked at most once per request:
 * the response cache's replay asks before validation, and on a miss the
 * route asks again and gets the same answer (or the same refusal) without
 * a second permission check.
 */
/** Any route's request (routes' requests are typed by the spec). */
type AnyRequest = Request<any, any, any, any>;

export interface ReadAuthorizations {
  /** Which incidents the caller may read (throws when none). */
  incidents(req: AnyRequest): Promise<IncidentReadDecision>;
  /** The caller, allowed to read on-call (throws otherwise). */
  oncall(req: AnyRequest): Promise<Caller>;
  /** Throws unless the caller may read workarounds. */
  workarounds(req: AnyRequest): Promise<void>;
  /** Throws unless the caller may read changes. */
  changes(req: AnyRequest): Promise<void>;
}

type IncidentReadDecision = Awaited<
  ReturnType<RouterOptions['authorizer']['authorizeList']>
>;

export function readAuthorizations(
  deps: ReadAuthorizationDeps,
): ReadAuthorizations {
  const { authorizer, oncallAuthorizer, problemAuthorizer, changeAuthorizer } =
    deps;
  const { callerOf } = deps;
  const credentialsOf = async (req: AnyRequest) =>
    (await callerOf(req)).credentials;
  return {
    incidents: oncePerRequest(async req =>
      authorizer.authorizeList(await credentialsOf(req)),
    ),
    oncall: oncePerRequest(async req => {
      const caller = await callerOf(req);
      await oncallAuthorizer.authorizeRead(caller.credentials);
      return caller;
    }),
    workarounds: oncePerRequest(async req =>
      problemAuthorizer.authorize(
        await credentialsOf(req),
        'read',
        'workarounds',
      ),
    ),
    changes: oncePerRequest(async req =>
      changeAuthorizer.authorize(await credentialsOf(req), 'read'),
    ),
  };
}

/** `ask`, remembered per request object (forgotten with the request). */
function oncePerRequest<T>(
  ask: (req: AnyRequest) => Promise<T>,
): (req: AnyRequest) => Promise<T> {
  const asked = new WeakMap<AnyRequest, Promise<T>>();
  return req => {
    let answer = asked.get(req);
    if (!answer) {
      answer = ask(req);
      asked.set(req, answer);
    }
    return answer;
  };
}

/**
 * The service page's reads the response cache may answer before the
 * request is validated, each authorized as its route authorizes it (the
 * same `reads`) and in the scope its route answers in (the helpers above).
 * A kept answer is only found for the very request (path and query) that
 * was validated and answered before; anything else goes on to the route.
 */
export function serviceReadReplays(reads: ReadAuthorizations): ReplayRoute[] {
  const incidents = async (req: Request) =>
    incidentReadScope(await reads.incidents(req));
  const forService = (req: Request) => req.query.entityRef !== undefined;
  return [
    { path: /^\/entities\/[^/]+\/[^/]+\/[^/]+\/summary$/, scope: incidents },
    { path: /^\/incidents$/, when: forService, scope: incidents },
    { path: /^\/sla\/compliance$/, when: forService, scope: incidents },
    {
      path: /^\/oncall$/,
      scope: async req => onCallScope(await reads.oncall(req)),
    },
    {
      path: /^\/workarounds$/,
      when: forService,
      scope: async req => {
        await reads.workarounds(req);
        return WORKAROUNDS_SCOPE;
      },
    },
    {
      // A service's changes, and its deploy gate
      path: /^\/changes(\/gate)?$/,
      when: forService,
      scope: async req => {
        await reads.changes(req);
        return CHANGES_SCOPE;
      },
    },
  ];
}
