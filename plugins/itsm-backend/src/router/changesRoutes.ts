import { InputError } from '@backstage/errors';
import {
  CHANGE_STATUSES,
  isChangeStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { CHANGES_SCOPE } from './serviceReadScopes';
import {
  parseEntityRefList,
  parseEntityRefParam,
  parseList,
  parseTimeParam,
  parseLimit,
} from './parseListQuery';
import { readVersion } from './readVersion';

const DEFAULT_LIMIT = 50;
const DEFAULT_EVENTS_LIMIT = 100;
const DAY = 24 * 3600_000;

export type ChangeRouteDeps = Pick<
  RouterOptions,
  | 'authorizer'
  | 'changeAuthorizer'
  | 'changes'
  | 'changeStore'
  | 'responseCache'
> &
  RouteHelpers;

/** `/changes` and everything under it, and an incident's cause. */
export function addChangeRoutes(router: ItsmRouter, deps: ChangeRouteDeps) {
  const { authorizer, changeAuthorizer, changes, changeStore } = deps;
  const { responseCache, reads, callerOf, audited } = deps;

  router.get('/changes', async (req, res) => {
    await reads.changes(req);
    const { query } = req;
    const filter = {
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      status: parseList(
        'status',
        query.status,
        isChangeStatus,
        CHANGE_STATUSES,
      ),
      from: parseTimeParam('from', query.from),
      to: parseTimeParam('to', query.to),
      q: query.q?.trim() || undefined,
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
    };
    // A service's changes (as its catalog page reads them) are kept briefly
    const scope = filter.entityRef ? CHANGES_SCOPE : undefined;
    await responseCache.send(req, res, scope, () =>
      changeStore.listChanges(filter),
    );
  });

  router.get('/changes/conflicts', async (req, res) => {
    const { credentials } = await callerOf(req);
    await changeAuthorizer.authorize(credentials, 'read');
    const { query } = req;
    const services = parseEntityRefList('services', query.services);
    if (!services.length) {
      throw new InputError('services must name at least one entity ref');
    }
    const start = parseTimeParam('start', query.start);
    if (!start)
      throw new InputError('start is required: an ISO 8601 date-time');
    const end = parseTimeParam('end', query.end);
    if (!end) throw new InputError('end is required: an ISO 8601 date-time');
    res.json({
      items: await changes.conflicts({
        services,
        start,
        end,
        exclude: query.exclude,
      }),
    });
  });

  router.get('/changes/freezes', async (req, res) => {
    const { credentials } = await callerOf(req);
    await changeAuthorizer.authorize(credentials, 'read');
    res.json({ items: changes.freezes });
  });

  // For CI/CD pipelines: may a deployment of this service proceed now?
  router.get('/changes/gate', async (req, res) => {
    await reads.changes(req);
    const { query } = req;
    const entityRef = parseEntityRefParam('entityRef', query.entityRef);
    if (!entityRef) {
      throw new InputError('entityRef is required: the service to deploy');
    }
    const at = parseTimeParam('at', query.at) ?? new Date().toISOString();
    // Asked by the service's page and by its pipelines, again and again
    await responseCache.send(req, res, CHANGES_SCOPE, () =>
      changes.gate(entityRef, at),
    );
  });

  router.get('/changes/metrics', async (req, res) => {
    const { credentials } = await callerOf(req);
    await changeAuthorizer.authorize(credentials, 'read');
    const { query } = req;
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
    const change = await audited(
      req,
      'change-create',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await changeAuthorizer.authorize(credentials, 'create');
        return changes.create(req.body, {
          actor,
          credentials: catalogCredentials,
        });
      },
      created => ({ ref: created.ref }),
    );
    res.status(201).json(change);
  });

  router.get('/changes/:id', async (req, res) => {
    const { credentials } = await callerOf(req);
    await changeAuthorizer.authorize(credentials, 'read');
    const change = await changes.get(req.params.id);
    res.json(
      await changes.details(change, await authorizer.visibility(credentials)),
    );
  });

  router.patch('/changes/:id', async (req, res) => {
    const updated = await audited(
      req,
      'change-update',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await changeAuthorizer.authorize(credentials, 'update');
        const current = await changes.get(req.params.id);
        const change = await changes.update(
          current,
          { ...req.body, version: readVersion(req, 'change') },
          { actor, credentials: catalogCredentials },
        );
        return changes.details(
          change,
          await authorizer.visibility(credentials),
        );
      },
      change => ({ ref: change.ref, version: change.version }),
    );
    res.json(updated);
  });

  router.post('/changes/:id/approvals', async (req, res) => {
    const details = await audited(
      req,
      'change-decide',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await changeAuthorizer.authorize(credentials, 'approve');
        const current = await changes.get(req.params.id);
        return changes.decide(
          current,
          req.body,
          { actor, credentials: catalogCredentials },
          await authorizer.visibility(credentials),
        );
      },
      change => ({ ref: change.ref, version: change.version }),
      { decision: req.body.decision },
    );
    res.status(201).json(details);
  });

  router.get('/changes/:id/events', async (req, res) => {
    const { credentials } = await callerOf(req);
    await changeAuthorizer.authorize(credentials, 'read');
    const change = await changes.get(req.params.id);
    res.json(
      await changeStore.listEvents(change.id, {
        limit: parseLimit(req, DEFAULT_EVENTS_LIMIT),
        cursor: req.query.cursor,
      }),
    );
  });

  // "Caused by": from the change's side…
  /**
   * Links (`linked`) or unlinks (null) an incident as caused by the change of
   * the path, after the same checks both ways; answers the change's details
   * as the caller may see them.
   */
  async function setCauseFromChange(
    req: Parameters<typeof callerOf>[0] & { params: { id: string } },
    incidentIdOrRef: string,
    linked: boolean,
  ) {
    const { credentials, catalogCredentials, actor } = await callerOf(req);
    await changeAuthorizer.authorize(credentials, 'update');
    const cause = await changes.get(req.params.id);
    const incident = await changes.getIncident(incidentIdOrRef);
    await authorizer.authorizeUpdate(credentials, incident);
    if (!linked && incident.causedByChangeId !== cause.id) {
      throw new InputError(
        `incident: ${incident.ref} is not linked as caused by ${cause.ref}`,
      );
    }
    await changes.setIncidentCause(incident, linked ? cause : null, {
      actor,
      credentials: catalogCredentials,
    });
    const change = await changes.details(
      cause,
      await authorizer.visibility(credentials),
    );
    return { change, incident };
  }

  router.post('/changes/:id/incidents', async (req, res) => {
    const { change } = await audited(
      req,
      'change-link-incident',
      () => setCauseFromChange(req, req.body.incident, true),
      linked => ({ ref: linked.change.ref, incidentRef: linked.incident.ref }),
    );
    res.status(201).json(change);
  });

  router.delete('/changes/:id/incidents/:incident', async (req, res) => {
    const { change } = await audited(
      req,
      'change-unlink-incident',
      () => setCauseFromChange(req, req.params.incident, false),
      unlinked => ({
        ref: unlinked.change.ref,
        incidentRef: unlinked.incident.ref,
      }),
    );
    res.json(change);
  });

  // …and from the incident's side.
  router.put('/incidents/:id/cause', async (req, res) => {
    const { incident } = await audited(
      req,
      'incident-set-cause',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        const current = await changes.getIncident(req.params.id);
        await authorizer.authorizeUpdate(credentials, current);
        await changeAuthorizer.authorize(credentials, 'update');
        const cause =
          req.body.change === null ? null : await changes.get(req.body.change);
        await changes.setIncidentCause(current, cause, {
          actor,
          credentials: catalogCredentials,
        });
        return { incident: current, change: cause };
      },
      set => ({ ref: set.incident.ref, changeRef: set.change?.ref ?? null }),
    );
    res.json(await changes.getIncident(incident.id));
  });
}
