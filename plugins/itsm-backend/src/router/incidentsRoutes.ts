import { InputError } from '@backstage/errors';
import { Router } from 'express';
import { callerOf, RouterContext } from './context';
import {
  parseEntityRefParam,
  parsePriorities,
  parseStatuses,
  parseTimeParam,
} from './parseListQuery';

const DEFAULT_LIMIT = 50;

/** `/incidents` and everything under it. */
export function addIncidentRoutes(router: Router, ctx: RouterContext) {
  const { auditor, authorizer, incidents, store } = ctx;

  router.get('/incidents', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    const decision = await authorizer.authorizeList(credentials);
    const query = req.query as Record<string, string | undefined>;
    const page = await store.listIncidents({
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      status: parseStatuses(query.status),
      priority: parsePriorities(query.priority),
      major:
        query.major === undefined ? undefined : String(query.major) === 'true',
      assignedGroup: parseEntityRefParam(
        'assignedGroup',
        query.assignedGroup,
        'group',
      ),
      q: query.q?.trim() || undefined,
      from: parseTimeParam('from', query.from),
      to: parseTimeParam('to', query.to),
      slaBreached:
        query.slaBreached === undefined
          ? undefined
          : String(query.slaBreached) === 'true',
      problemId: query.problemId || undefined,
      limit: query.limit ? Number(query.limit) : DEFAULT_LIMIT,
      cursor: query.cursor,
      permissionFilter:
        decision.result === 'filtered' ? decision.filter : undefined,
    });
    res.json(page);
  });

  router.post('/incidents', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'incident-create',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const { credentials, catalogCredentials, actor, isUser } = await callerOf(
        ctx,
        req,
      );
      await authorizer.authorizeCreate(credentials);
      const source = isUser ? 'portal' : 'api';
      const incident = await incidents.create(
        { ...req.body, source },
        { actor, credentials: catalogCredentials },
      );
      await auditorEvent.success({ meta: { incidentRef: incident.ref } });
      res.status(201).json(incident);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/incidents/:id', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(credentials, incident);
    res.json(incident);
  });

  router.patch('/incidents/:id', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'incident-update',
      severityLevel: 'medium',
      request: req,
      meta: { incident: req.params.id },
    });
    try {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      const current = await incidents.get(req.params.id);
      await authorizer.authorizeUpdate(credentials, current);
      const version = req.body.version ?? parseIfMatch(req.header('if-match'));
      const updated = await incidents.update(
        current,
        { ...req.body, version },
        { actor, credentials: catalogCredentials },
      );
      await auditorEvent.success({
        meta: { incidentRef: updated.ref, version: updated.version },
      });
      res.json(updated);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/incidents/:id/updates', async (req, res) => {
    const { credentials, actor } = await callerOf(ctx, req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeUpdate(credentials, incident);
    const event = await incidents.addUpdate(incident, req.body.message, {
      actor,
      credentials,
    });
    res.status(201).json(event);
  });

  router.get('/incidents/:id/timeline', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(credentials, incident);
    const query = req.query as Record<string, string | undefined>;
    res.json(
      await store.listTimeline(incident.id, {
        limit: query.limit ? Number(query.limit) : 100,
        cursor: query.cursor,
      }),
    );
  });
}

/** `If-Match: "3"` or `If-Match: 3` → 3. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const value = Number(header.replace(/^W\//, '').replace(/"/g, '').trim());
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `If-Match must be the incident's version number, got "${header}"`,
    );
  }
  return value;
}
