import { InputError } from '@backstage/errors';
import {
  CHANGE_STATUSES,
  isChangeStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { Router } from 'express';
import { callerOf, RouterContext } from './context';
import {
  parseEntityRefParam,
  parseList,
  parseTimeParam,
} from './parseListQuery';

const DEFAULT_LIMIT = 50;
const DAY = 24 * 3600_000;

/** `/changes` and everything under it, and an incident's cause. */
export function addChangeRoutes(router: Router, ctx: RouterContext) {
  const { auditor, changeAuthorizer, changes, changeStore } = ctx;

  router.get('/changes', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'read');
    const query = req.query as Record<string, string | undefined>;
    res.json(
      await changeStore.listChanges({
        entityRef: parseEntityRefParam('entityRef', query.entityRef),
        status: parseList(
          'status',
          query.status,
          isChangeStatus,
          CHANGE_STATUSES,
        ),
        from: parseTimeParam('from', query.from),
        to: parseTimeParam('to', query.to),
        limit: query.limit ? Number(query.limit) : DEFAULT_LIMIT,
        cursor: query.cursor,
      }),
    );
  });

  router.get('/changes/conflicts', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'read');
    const query = req.query as Record<string, string | undefined>;
    const services = (query.services ?? '')
      .split(',')
      .map(s => s.trim())
      .filter(Boolean)
      .map((s, i) => parseEntityRefParam(`services[${i}]`, s)!);
    if (!services.length) {
      throw new InputError('services must name at least one entity ref');
    }
    res.json({
      items: await changes.conflicts({
        services,
        start: parseTimeParam('start', query.start)!,
        end: parseTimeParam('end', query.end)!,
        exclude: query.exclude,
      }),
    });
  });

  router.get('/changes/freezes', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'read');
    res.json({ items: changes.freezes });
  });

  router.get('/changes/metrics', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'read');
    const query = req.query as Record<string, string | undefined>;
    const to = parseTimeParam('to', query.to) ?? new Date().toISOString();
    const from =
      parseTimeParam('from', query.from) ??
      new Date(Date.parse(to) - 90 * DAY).toISOString();
    if (from >= to) throw new InputError('from must be before to');
    const entityRef = parseEntityRefParam('entityRef', query.entityRef);
    res.json({
      from,
      to,
      entityRef,
      services: await changeStore.metrics({ entityRef, from, to }),
    });
  });

  router.post('/changes', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'change-create',
      severityLevel: 'medium',
      request: req,
    });
    try {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      await changeAuthorizer.authorize(credentials, 'create');
      const change = await changes.create(req.body, {
        actor,
        credentials: catalogCredentials,
      });
      await auditorEvent.success({ meta: { changeRef: change.ref } });
      res.status(201).json(change);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/changes/:id', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'read');
    res.json(await changes.details(await changes.get(req.params.id)));
  });

  router.patch('/changes/:id', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'change-update',
      severityLevel: 'medium',
      request: req,
      meta: { change: req.params.id },
    });
    try {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      await changeAuthorizer.authorize(credentials, 'update');
      const current = await changes.get(req.params.id);
      const version = req.body.version ?? parseIfMatch(req.header('if-match'));
      const updated = await changes.update(
        current,
        { ...req.body, version },
        { actor, credentials: catalogCredentials },
      );
      await auditorEvent.success({
        meta: { changeRef: updated.ref, version: updated.version },
      });
      res.json(await changes.details(updated));
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.post('/changes/:id/approvals', async (req, res) => {
    const auditorEvent = await auditor.createEvent({
      eventId: 'change-approval',
      severityLevel: 'medium',
      request: req,
      meta: { change: req.params.id, decision: req.body.decision },
    });
    try {
      const { credentials, actor } = await callerOf(ctx, req);
      await changeAuthorizer.authorize(credentials, 'approve');
      const current = await changes.get(req.params.id);
      const details = await changes.decide(current, req.body, { actor });
      await auditorEvent.success({ meta: { changeRef: details.ref } });
      res.status(201).json(details);
    } catch (error) {
      await auditorEvent.fail({ error: error as Error });
      throw error;
    }
  });

  router.get('/changes/:id/events', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'read');
    const change = await changes.get(req.params.id);
    const query = req.query as Record<string, string | undefined>;
    res.json(
      await changeStore.listEvents(change.id, {
        limit: query.limit ? Number(query.limit) : 100,
        cursor: query.cursor,
      }),
    );
  });

  // "Caused by": from the change's side…
  router.post('/changes/:id/incidents', async (req, res) => {
    const { credentials, actor } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'update');
    const change = await changes.get(req.params.id);
    const incident = await changes.getIncident(req.body.incident);
    await ctx.authorizer.authorizeUpdate(credentials, incident);
    await changes.setIncidentCause(incident, change, { actor });
    res.status(201).json(await changes.details(change));
  });

  router.delete('/changes/:id/incidents/:incident', async (req, res) => {
    const { credentials, actor } = await callerOf(ctx, req);
    await changeAuthorizer.authorize(credentials, 'update');
    const change = await changes.get(req.params.id);
    const incident = await changes.getIncident(req.params.incident);
    await ctx.authorizer.authorizeUpdate(credentials, incident);
    if (incident.causedByChangeId !== change.id) {
      throw new InputError(
        `incident: ${incident.ref} is not linked as caused by ${change.ref}`,
      );
    }
    await changes.setIncidentCause(incident, null, { actor });
    res.json(await changes.details(change));
  });

  // …and from the incident's side.
  router.put('/incidents/:id/cause', async (req, res) => {
    const { credentials, actor } = await callerOf(ctx, req);
    const incident = await changes.getIncident(req.params.id);
    await ctx.authorizer.authorizeUpdate(credentials, incident);
    await changeAuthorizer.authorize(credentials, 'update');
    const change =
      req.body.change === null ? null : await changes.get(req.body.change);
    await changes.setIncidentCause(incident, change, { actor });
    res.json(await changes.getIncident(incident.id));
  });
}

/** `If-Match: "3"` or `If-Match: 3` → 3. */
function parseIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const value = Number(header.replace(/^W\//, '').replace(/"/g, '').trim());
  if (!Number.isInteger(value) || value < 1) {
    throw new InputError(
      `If-Match must be the change's version number, got "${header}"`,
    );
  }
  return value;
}
