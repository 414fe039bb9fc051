import { InputError, NotFoundError } from '@backstage/errors';
import { JsonObject } from '@backstage/types';
import { Request, Router } from 'express';
import { callerOf, RouterContext } from './context';
import { parseEntityRefParam, parseTimeParam } from './parseListQuery';

/** Runs a write with an auditor event around it. */
async function audited<T>(
  ctx: RouterContext,
  req: Request<any, any, any, any>,
  eventId: string,
  write: () => Promise<T>,
  meta: (result: T) => JsonObject,
): Promise<T> {
  const event = await ctx.auditor.createEvent({
    eventId,
    severityLevel: 'medium',
    request: req,
  });
  try {
    const result = await write();
    await event.success({ meta: meta(result) });
    return result;
  } catch (error) {
    await event.fail({ error: error as Error });
    throw error;
  }
}

/** `/oncall`, `/schedules` and `/escalation-policies`. */
export function addOnCallRoutes(router: Router, ctx: RouterContext) {
  const { oncall, schedules, oncallStore, oncallAuthorizer } = ctx;

  router.get('/oncall', async (req, res) => {
    const { credentials, catalogCredentials } = await callerOf(ctx, req);
    await oncallAuthorizer.authorizeRead(credentials);
    const query = req.query as Record<string, string | undefined>;
    const entityRef = parseEntityRefParam('entityRef', query.entityRef);
    if (!entityRef) {
      throw new InputError(
        'entityRef: required, e.g. component:default/payments-api',
      );
    }
    const at = parseTimeParam('at', query.at) ?? new Date().toISOString();
    res.json(await oncall.getOnCall(entityRef, at, catalogCredentials));
  });

  router.get('/schedules', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await oncallAuthorizer.authorizeRead(credentials);
    const query = req.query as Record<string, string | undefined>;
    const ownerGroup = query.ownerGroup
      ? schedules.normalizeGroup(query.ownerGroup)
      : undefined;
    res.json({ items: await oncallStore.listSchedules({ ownerGroup }) });
  });

  router.get('/schedules/:id', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await oncallAuthorizer.authorizeRead(credentials);
    const schedule = await oncallStore.getSchedule(req.params.id);
    if (!schedule) {
      throw new NotFoundError(`No on-call schedule ${req.params.id}`);
    }
    res.json(schedule);
  });

  router.post('/schedules', async (req, res) => {
    const created = await audited(
      ctx,
      req,
      'oncall-schedule-create',
      async () => {
        const { credentials, catalogCredentials } = await callerOf(ctx, req);
        const ownerGroup = schedules.normalizeGroup(req.body.ownerGroup);
        await oncallAuthorizer.authorizeManage(credentials, { ownerGroup });
        return schedules.create(
          req.body,
          catalogCredentials,
          new Date().toISOString(),
        );
      },
      s => ({ scheduleId: s.id, scheduleName: s.name }),
    );
    res.status(201).json(created);
  });

  router.patch('/schedules/:id', async (req, res) => {
    const updated = await audited(
      ctx,
      req,
      'oncall-schedule-update',
      async () => {
        const { credentials, catalogCredentials } = await callerOf(ctx, req);
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
      s => ({ scheduleId: s.id, version: s.version }),
    );
    res.json(updated);
  });

  router.get('/escalation-policies/:namespace/:name', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
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
      ctx,
      req,
      'escalation-policy-put',
      async () => {
        const { credentials, catalogCredentials } = await callerOf(ctx, req);
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
      p => ({ groupRef: p.groupRef, version: p.version }),
    );
    res.json(policy);
  });
}
