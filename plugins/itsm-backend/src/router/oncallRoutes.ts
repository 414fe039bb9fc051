import { InputError, NotFoundError } from '@backstage/errors';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefParam, parseTimeParam } from './parseListQuery';
import { onCallScope } from './serviceReadScopes';

export type OnCallRouteDeps = Pick<
  RouterOptions,
  | 'oncall'
  | 'schedules'
  | 'oncallStore'
  | 'oncallAuthorizer'
  | 'userShifts'
  | 'responseCache'
> &
  RouteHelpers;

/** `/oncall`, `/schedules` and `/escalation-policies`. */
export function addOnCallRoutes(router: ItsmRouter, deps: OnCallRouteDeps) {
  const { oncall, schedules, oncallStore, oncallAuthorizer, userShifts } = deps;
  const { responseCache, reads, callerOf, audited } = deps;

  router.get('/oncall', async (req, res) => {
    const caller = await reads.oncall(req);
    const entityRef = parseEntityRefParam('entityRef', req.query.entityRef);
    if (!entityRef) {
      throw new InputError(
        'entityRef: required, e.g. component:default/payments-api',
      );
    }
    const at = parseTimeParam('at', req.query.at) ?? new Date().toISOString();
    await responseCache.send(req, res, onCallScope(caller), () =>
      oncall.getOnCall(entityRef, at, caller.catalogCredentials),
    );
  });

  router.get('/oncall/shifts', async (req, res) => {
    const { credentials } = await callerOf(req);
    await oncallAuthorizer.authorizeRead(credentials);
    const user = parseEntityRefParam('user', req.query.user, 'user');
    if (!user?.startsWith('user:')) {
      throw new InputError(
        'user: required, a user ref, e.g. user:default/alice',
      );
    }
    res.json(
      await userShifts.list(user, {
        from:
          parseTimeParam('from', req.query.from) ?? new Date().toISOString(),
        to: parseTimeParam('to', req.query.to),
      }),
    );
  });

  router.get('/schedules', async (req, res) => {
    const { credentials } = await callerOf(req);
    await oncallAuthorizer.authorizeRead(credentials);
    const ownerGroup = req.query.ownerGroup
      ? schedules.normalizeGroup(req.query.ownerGroup)
      : undefined;
    res.json({ items: await oncallStore.listSchedules({ ownerGroup }) });
  });

  router.get('/schedules/:id', async (req, res) => {
    const { credentials } = await callerOf(req);
    await oncallAuthorizer.authorizeRead(credentials);
    const schedule = await oncallStore.getSchedule(req.params.id);
    if (!schedule) {
      throw new NotFoundError(`No on-call schedule ${req.params.id}`);
    }
    res.json(schedule);
  });

  router.post('/schedules', async (req, res) => {
    const created = await audited(
      req,
      'oncall-schedule-create',
      async () => {
        const { credentials, catalogCredentials } = await callerOf(req);
        const ownerGroup = schedules.normalizeGroup(req.body.ownerGroup);
        await oncallAuthorizer.authorizeManage(credentials, { ownerGroup });
        return schedules.create(
          req.body,
          catalogCredentials,
          new Date().toISOString(),
        );
      },
      schedule => ({ id: schedule.id, name: schedule.name }),
    );
    res.status(201).json(created);
  });

  router.patch('/schedules/:id', async (req, res) => {
    const updated = await audited(
      req,
      'oncall-schedule-update',
      async () => {
        const { credentials, catalogCredentials } = await callerOf(req);
        const current = await oncallStore.getSchedule(req.params.id);
        if (!current) {
          throw new NotFoundError(`No on-call schedule ${req.params.id}`);
        }
        await oncallAuthorizer.authorizeManage(credentials, current);
        return schedules.update(
          current,
          req.body,
          catalogCredentials,
          new Date().toISOString(),
        );
      },
      schedule => ({ id: schedule.id, version: schedule.version }),
    );
    res.json(updated);
  });

  router.get('/escalation-policies/:namespace/:name', async (req, res) => {
    const { credentials } = await callerOf(req);
    await oncallAuthorizer.authorizeRead(credentials);
    const groupRef = schedules.normalizeGroup(
      `group:${req.params.namespace}/${req.params.name}`,
      'group',
    );
    const policy = await oncallStore.getEscalationPolicy(groupRef);
    if (!policy) {
      throw new NotFoundError(`${groupRef} has no escalation policy`);
    }
    res.json(policy);
  });

  router.put('/escalation-policies/:namespace/:name', async (req, res) => {
    const policy = await audited(
      req,
      'escalation-policy-put',
      async () => {
        const { credentials, catalogCredentials } = await callerOf(req);
        const groupRef = schedules.normalizeGroup(
          `group:${req.params.namespace}/${req.params.name}`,
          'group',
        );
        await oncallAuthorizer.authorizeManage(credentials, {
          ownerGroup: groupRef,
        });
        return schedules.putPolicy(
          groupRef,
          req.body,
          catalogCredentials,
          new Date().toISOString(),
        );
      },
      stored => ({ ref: stored.groupRef, version: stored.version }),
    );
    res.json(policy);
  });
}
