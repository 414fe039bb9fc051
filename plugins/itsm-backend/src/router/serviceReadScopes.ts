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

export type ServiceReadScopeDeps = Pick<
  RouterOptions,
  'authorizer' | 'oncallAuthorizer' | 'problemAuthorizer' | 'changeAuthorizer'
> &
  Pick<RouteHelpers, 'callerOf'>;

/**
 * The service page's reads the response cache may answer before the
 * request is validated, each authorized as its route authorizes it and in
 * the scope its route answers in (the helpers above). A kept answer is
 * only found for the very request (path and query) that was validated and
 * answered before; anything else goes on to the route.
 */
export function serviceReadReplays(deps: ServiceReadScopeDeps): ReplayRoute[] {
  const { authorizer, oncallAuthorizer, problemAuthorizer, changeAuthorizer } =
    deps;
  const { callerOf } = deps;
  const incidents = async (req: Request) => {
    const { credentials } = await callerOf(req);
    return incidentReadScope(await authorizer.authorizeList(credentials));
  };
  const forService = (req: Request) => req.query.entityRef !== undefined;
  return [
    { path: /^\/entities\/[^/]+\/[^/]+\/[^/]+\/summary$/, scope: incidents },
    { path: /^\/incidents$/, when: forService, scope: incidents },
    { path: /^\/sla\/compliance$/, when: forService, scope: incidents },
    {
      path: /^\/oncall$/,
      scope: async req => {
        const caller = await callerOf(req);
        await oncallAuthorizer.authorizeRead(caller.credentials);
        return onCallScope(caller);
      },
    },
    {
      path: /^\/workarounds$/,
      when: forService,
      scope: async req => {
        const { credentials } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'read', 'workarounds');
        return WORKAROUNDS_SCOPE;
      },
    },
    {
      // A service's changes, and its deploy gate
      path: /^\/changes(\/gate)?$/,
      when: forService,
      scope: async req => {
        const { credentials } = await callerOf(req);
        await changeAuthorizer.authorize(credentials, 'read');
        return CHANGES_SCOPE;
      },
    },
  ];
}
