import { InputError } from '@backstage/errors';
import { Router } from 'express';
import { auditedBy } from './audited';
import { callerOf, RouterContext } from './context';
import { parseIfMatch } from './incidentsRoutes';
import { parseEntityRefParam } from './parseListQuery';

const DEFAULT_LIMIT = 50;

/** `/workarounds`, applying one to an incident, and `/report-suggestions`. */
export function addWorkaroundRoutes(router: Router, ctx: RouterContext) {
  const { authorizer, problemAuthorizer, problems, workarounds } = ctx;
  const audited = auditedBy(ctx.auditor);

  router.get('/workarounds', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await problemAuthorizer.authorize(credentials, 'read', 'workarounds');
    const query = req.query as Record<string, string | undefined>;
    const problemId = query.problemId
      ? (await problems.get(query.problemId)).id
      : undefined;
    res.json(
      await ctx.workaroundStore.listWorkarounds({
        entityRef: parseEntityRefParam('entityRef', query.entityRef),
        status: query.status as 'active' | 'retired' | undefined,
        problemId,
        open:
          query.open === undefined ? undefined : String(query.open) === 'true',
        limit: query.limit ? Number(query.limit) : DEFAULT_LIMIT,
        cursor: query.cursor,
      }),
    );
  });

  router.post('/workarounds', async (req, res) => {
    await audited(req, 'workaround-create', async () => {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      await problemAuthorizer.authorize(credentials, 'update', 'workarounds');
      let problem;
      if (req.body.problemId) {
        problem = await ctx.problemStore.getProblem(req.body.problemId);
        if (!problem) {
          throw new InputError(`problemId: no problem ${req.body.problemId}`);
        }
      }
      const workaround = await workarounds.create(req.body, problem, {
        actor,
        credentials: catalogCredentials,
      });
      res.status(201).json(workaround);
      return { workaroundRef: workaround.ref };
    });
  });

  router.get('/workarounds/:id', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await problemAuthorizer.authorize(credentials, 'read', 'workarounds');
    res.json(await workarounds.get(req.params.id));
  });

  router.patch('/workarounds/:id', async (req, res) => {
    await audited(req, 'workaround-update', async () => {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      await problemAuthorizer.authorize(credentials, 'update', 'workarounds');
      const current = await workarounds.get(req.params.id);
      const updated = await workarounds.update(
        current,
        {
          ...req.body,
          version: req.body.version ?? parseIfMatch(req.header('if-match')),
        },
        { actor, credentials: catalogCredentials },
      );
      res.json(updated);
      return { workaroundRef: updated.ref, version: updated.version };
    });
  });

  router.post('/workarounds/:id/uses', async (req, res) => {
    await audited(req, 'workaround-apply', async () => {
      const { credentials, actor } = await callerOf(ctx, req);
      const workaround = await workarounds.get(req.params.id);
      const incident = await ctx.store.getIncident(req.body.incidentId);
      if (!incident) {
        throw new InputError(`incidentId: no incident ${req.body.incidentId}`);
      }
      // Applying a workaround is recorded on the incident: an incident update
      await authorizer.authorizeUpdate(credentials, incident);
      const applied = await workarounds.apply(workaround, incident, { actor });
      res.status(201).json(applied);
      return { workaroundRef: applied.ref, incidentRef: incident.ref };
    });
  });

  router.get('/report-suggestions', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await authorizer.authorizeList(credentials);
    const query = req.query as Record<string, string | undefined>;
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
