import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import {
  parseEntityRefParam,
  parsePriorities,
  parseStatuses,
  parseTimeParam,
  parseLimit,
  parseIncidentFields,
} from './parseListQuery';
import { Incident, Page } from '@openitsm/backstage-plugin-itsm-common';
import { postIncidentUpdate } from './postIncidentUpdate';
import { readVersion } from './readVersion';
import { incidentReadScope } from './serviceReadScopes';

const DEFAULT_LIMIT = 50;
const DEFAULT_TIMELINE_LIMIT = 100;

export type IncidentRouteDeps = Pick<
  RouterOptions,
  'authorizer' | 'incidents' | 'store' | 'majorIncidents' | 'responseCache'
> &
  RouteHelpers;

/** `/incidents` and everything under it. */
export function addIncidentRoutes(router: ItsmRouter, deps: IncidentRouteDeps) {
  const { authorizer, incidents, store, responseCache, callerOf, audited } =
    deps;
  const { reads } = deps;

  router.get('/incidents', async (req, res) => {
    const decision = await reads.incidents(req);
    const { query } = req;
    const filter = {
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      status: parseStatuses(query.status),
      priority: parsePriorities(query.priority),
      major: query.major,
      assignedGroup: parseEntityRefParam(
        'assignedGroup',
        query.assignedGroup,
        'group',
      ),
      assignee: parseEntityRefParam('assignee', query.assignee, 'user'),
      category: query.category?.trim() || undefined,
      q: query.q?.trim() || undefined,
      from: parseTimeParam('from', query.from),
      to: parseTimeParam('to', query.to),
      slaBreached: query.slaBreached,
      problemId: query.problemId || undefined,
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
      permissionFilter:
        decision.result === 'filtered' ? decision.filter : undefined,
    };
    const fields = parseIncidentFields(query.fields);
    // With fields, each item holds only those (the spec says so; the typed
    // router's response type is the whole incident)
    const list = async () =>
      fields
        ? ((await store.listIncidentFields(filter, fields)) as Page<Incident>)
        : await store.listIncidents(filter);
    // A service's history (as its catalog page reads it) is kept briefly
    const scope = filter.entityRef ? incidentReadScope(decision) : undefined;
    await responseCache.send(req, res, scope, list);
  });

  router.post('/incidents', async (req, res) => {
    const incident = await audited(
      req,
      'incident-create',
      async () => {
        const { credentials, catalogCredentials, actor, isUser } =
          await callerOf(req);
        await authorizer.authorizeCreate(credentials);
        return incidents.create(
          { ...req.body, source: isUser ? 'portal' : 'api' },
          { actor, credentials: catalogCredentials },
        );
      },
      created => ({ ref: created.ref }),
    );
    res.status(201).json(incident);
  });

  router.get('/incidents/:id', async (req, res) => {
    const { credentials } = await callerOf(req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(credentials, incident);
    res.json(incident);
  });

  router.patch('/incidents/:id', async (req, res) => {
    const updated = await audited(
      req,
      'incident-update',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        const current = await incidents.get(req.params.id);
        await authorizer.authorizeUpdate(credentials, current);
        return incidents.update(
          current,
          { ...req.body, version: readVersion(req, 'incident') },
          { actor, credentials: catalogCredentials },
        );
      },
      incident => ({ ref: incident.ref, version: incident.version }),
    );
    res.json(updated);
  });

  router.post('/incidents/:id/updates', async (req, res) => {
    const { event } = await audited(
      req,
      'incident-add-update',
      async () =>
        postIncidentUpdate(deps, await callerOf(req), req.params.id, req.body),
      added => ({ ref: added.incident.ref, timelineEventId: added.event.id }),
    );
    res.status(201).json(event);
  });

  router.get('/incidents/:id/timeline', async (req, res) => {
    const { credentials } = await callerOf(req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(credentials, incident);
    res.json(
      await store.listTimeline(incident.id, {
        limit: parseLimit(req, DEFAULT_TIMELINE_LIMIT),
        cursor: req.query.cursor,
      }),
    );
  });
}
