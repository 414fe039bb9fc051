import { NotFoundError } from '@backstage/errors';
import {
  isProblemStatus,
  PROBLEM_STATUSES,
} from '@openitsm/backstage-plugin-itsm-common';
import { Router } from 'express';
import { auditedBy } from './audited';
import { callerOf, RouterContext } from './context';
import { parseIfMatch } from './incidentsRoutes';
import { parseEntityRefParam, parseList } from './parseListQuery';

const DEFAULT_LIMIT = 50;

/** `/problems`, their incident links, and `/problem-proposals`. */
export function addProblemRoutes(router: Router, ctx: RouterContext) {
  const { authorizer, problemAuthorizer, problems, problemStore } = ctx;
  const audited = auditedBy(ctx.auditor);

  router.get('/problems', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await problemAuthorizer.authorize(credentials, 'read');
    const query = req.query as Record<string, string | undefined>;
    res.json(
      await problemStore.listProblems({
        status: parseList(
          'status',
          query.status,
          isProblemStatus,
          PROBLEM_STATUSES,
        ),
        entityRef: parseEntityRefParam('entityRef', query.entityRef),
        ownerGroup: parseEntityRefParam(
          'ownerGroup',
          query.ownerGroup,
          'group',
        ),
        minAgeDays:
          query.minAgeDays === undefined ? undefined : Number(query.minAgeDays),
        q: query.q?.trim() || undefined,
        limit: query.limit ? Number(query.limit) : DEFAULT_LIMIT,
        cursor: query.cursor,
        now: new Date().toISOString(),
      }),
    );
  });

  router.post('/problems', async (req, res) => {
    await audited(req, 'problem-create', async () => {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      await problemAuthorizer.authorize(credentials, 'create');
      const incidents = await problems.resolveIncidents(
        'incidentIds',
        req.body.incidentIds ?? [],
      );
      // Linking writes on each incident: the caller must be allowed to
      for (const incident of incidents) {
        await authorizer.authorizeUpdate(credentials, incident);
      }
      const problem = await problems.create(req.body, incidents, {
        actor,
        credentials: catalogCredentials,
      });
      res.status(201).json(problem);
      return { problemRef: problem.ref };
    });
  });

  router.get('/problems/:id', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await problemAuthorizer.authorize(credentials, 'read');
    res.json(await problems.get(req.params.id));
  });

  router.patch('/problems/:id', async (req, res) => {
    await audited(req, 'problem-update', async () => {
      const { credentials, catalogCredentials, actor } = await callerOf(
        ctx,
        req,
      );
      await problemAuthorizer.authorize(credentials, 'update');
      const current = await problems.get(req.params.id);
      const updated = await problems.update(
        current,
        {
          ...req.body,
          version: req.body.version ?? parseIfMatch(req.header('if-match')),
        },
        { actor, credentials: catalogCredentials },
      );
      res.json(updated);
      return { problemRef: updated.ref, version: updated.version };
    });
  });

  router.post('/problems/:id/incidents', async (req, res) => {
    await audited(req, 'problem-link-incidents', async () => {
      const { credentials, actor } = await callerOf(ctx, req);
      await problemAuthorizer.authorize(credentials, 'update');
      const current = await problems.get(req.params.id);
      const link = await problems.resolveIncidents('link', req.body.link ?? []);
      const unlink = await problems.resolveIncidents(
        'unlink',
        req.body.unlink ?? [],
      );
      for (const incident of [...link, ...unlink]) {
        await authorizer.authorizeUpdate(credentials, incident);
      }
      const updated = await problems.changeIncidents(
        current,
        req.body.version ?? parseIfMatch(req.header('if-match')),
        link,
        unlink,
        { actor },
      );
      res.json(updated);
      return { problemRef: updated.ref, version: updated.version };
    });
  });

  router.get('/problems/:id/timeline', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await problemAuthorizer.authorize(credentials, 'read');
    const problem = await problems.get(req.params.id);
    const query = req.query as Record<string, string | undefined>;
    res.json(
      await problemStore.listEvents('problem', problem.id, {
        limit: query.limit ? Number(query.limit) : 100,
        cursor: query.cursor,
      }),
    );
  });

  router.get('/problem-proposals', async (req, res) => {
    const { credentials } = await callerOf(ctx, req);
    await problemAuthorizer.authorize(credentials, 'read');
    const query = req.query as Record<string, string | undefined>;
    res.json(
      await ctx.proposalStore.listProposals({
        entityRef: parseEntityRefParam('entityRef', query.entityRef),
        status: query.status as 'open' | 'accepted' | 'dismissed' | undefined,
        limit: query.limit ? Number(query.limit) : DEFAULT_LIMIT,
        cursor: query.cursor,
      }),
    );
  });

  router.post('/problem-proposals/:id/accept', async (req, res) => {
    await audited(req, 'problem-proposal-accept', async () => {
      const { credentials, actor } = await callerOf(ctx, req);
      await problemAuthorizer.authorize(credentials, 'create');
      const proposal = await ctx.proposalStore.getProposal(req.params.id);
      if (!proposal) {
        throw new NotFoundError(`No problem proposal ${req.params.id}`);
      }
      const incidents = await problems.resolveIncidents(
        'incidentIds',
        proposal.incidentIds,
      );
      for (const incident of incidents) {
        await authorizer.authorizeUpdate(credentials, incident);
      }
      const problem = await problems.create(
        {
          title: proposal.title,
          description: proposal.summary,
        },
        incidents,
        // The proposal's refs come from the database: no catalog check
        { actor, replay: true },
        { fromProposalId: proposal.id },
      );
      res.status(201).json(problem);
      return { problemRef: problem.ref };
    });
  });

  router.post('/problem-proposals/:id/dismiss', async (req, res) => {
    await audited(req, 'problem-proposal-dismiss', async () => {
      const { credentials, actor } = await callerOf(ctx, req);
      await problemAuthorizer.authorize(credentials, 'update');
      const dismissed = await ctx.proposalStore.dismiss(
        req.params.id,
        actor,
        new Date().toISOString(),
      );
      res.json(dismissed);
      return { proposal: dismissed.id };
    });
  });
}
