import { InputError } from '@backstage/errors';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { WORKAROUNDS_SCOPE } from './serviceReadScopes';
import { parseEntityRefParam, parseLimit } from './parseListQuery';
import { readVersion } from './readVersion';

const DEFAULT_LIMIT = 50;

export type WorkaroundRouteDeps = Pick<
  RouterOptions,
  | 'authorizer'
  | 'problemAuthorizer'
  | 'problems'
  | 'problemStore'
  | 'store'
  | 'workarounds'
  | 'workaroundStore'
  | 'responseCache'
> &
  RouteHelpers;

/** `/workarounds`, applying one to an incident, and `/report-suggestions`. */
export function addWorkaroundRoutes(
  router: ItsmRouter,
  deps: WorkaroundRouteDeps,
) {
  const { authorizer, problemAuthorizer, problems, problemStore } = deps;
  const { store, workarounds, workaroundStore, callerOf, audited } = deps;
  const { responseCache, reads } = deps;

  router.get('/workarounds', async (req, res) => {
    await reads.workarounds(req);
    const { query } = req;
    const problemId = query.problemId
      ? (await problems.get(query.problemId)).id
      : undefined;
    const filter = {
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      status: query.status,
      problemId,
      open: query.open,
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
    };
    // A service's workarounds (as its catalog page reads them) are kept briefly
    const scope = filter.entityRef ? WORKAROUNDS_SCOPE : undefined;
    await responseCache.send(req, res, scope, () =>
      workaroundStore.listWorkarounds(filter),
    );
  });

  router.post('/workarounds', async (req, res) => {
    const workaround = await audited(
      req,
      'workaround-create',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'update', 'workarounds');
        const { problemId } = req.body;
        const problem = problemId
          ? await problemStore.getProblem(problemId)
          : undefined;
        if (problemId && !problem) {
          throw new InputError(`problemId: no problem ${problemId}`);
        }
        return workarounds.create(req.body, problem, {
          actor,
          credentials: catalogCredentials,
        });
      },
      created => ({ ref: created.ref }),
    );
    res.status(201).json(workaround);
  });

  router.get('/workarounds/:id', async (req, res) => {
    const { credentials } = await callerOf(req);
    await problemAuthorizer.authorize(credentials, 'read', 'workarounds');
    res.json(await workarounds.get(req.params.id));
  });

  router.patch('/workarounds/:id', async (req, res) => {
    const updated = await audited(
      req,
      'workaround-update',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'update', 'workarounds');
        const current = await workarounds.get(req.params.id);
        return workarounds.update(
          current,
          { ...req.body, version: readVersion(req, 'workaround') },
          { actor, credentials: catalogCredentials },
        );
      },
      workaround => ({ ref: workaround.ref, version: workaround.version }),
    );
    res.json(updated);
  });

  router.post('/workarounds/:id/uses', async (req, res) => {
    const { applied } = await audited(
      req,
      'workaround-apply',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        const workaround = await workarounds.get(req.params.id);
        const incident = await store.getIncident(req.body.incidentId);
        if (!incident) {
          throw new InputError(
            `incidentId: no incident ${req.body.incidentId}`,
          );
        }
        // Applying a workaround is recorded on the incident: an incident update
        await authorizer.authorizeUpdate(credentials, incident);
        const result = await workarounds.apply(workaround, incident, {
          actor,
          credentials: catalogCredentials,
        });
        return { applied: result, incident };
      },
      use => ({ ref: use.applied.ref, incidentRef: use.incident.ref }),
    );
    res.status(201).json(applied);
  });

  router.get('/report-suggestions', async (req, res) => {
    const { credentials } = await callerOf(req);
    await authorizer.authorizeList(credentials);
    const { query } = req;
    const entityRef = parseEntityRefParam('entityRef', query.entityRef);
    if (!entityRef) throw new InputError('entityRef is required');
    const suggestions = await workarounds.suggestions(
      {
        entityRef,
        title: query.title,
        description: query.description,
        category: query.category || undefined,
      },
      incident =>
        authorizer.authorizeRead(credentials, incident).then(
          () => true,
          () => false,
        ),
    );
    // Workarounds need the problem read permission; incidents are enough
    // for the duplicate check.
    if (!(await problemAuthorizer.isAllowed(credentials, 'read'))) {
      suggestions.workarounds = [];
    }
    res.json(suggestions);
  });
}
