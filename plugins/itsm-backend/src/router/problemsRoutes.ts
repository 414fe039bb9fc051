import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  isProblemStatus,
  Problem,
  PROBLEM_STATUSES,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import {
  parseEntityRefParam,
  parseIntegerQuery,
  parseLimit,
  parseList,
} from './parseListQuery';
import { readVersion } from './readVersion';

const DEFAULT_LIMIT = 50;
const DEFAULT_TIMELINE_LIMIT = 100;

export type ProblemRouteDeps = Pick<
  RouterOptions,
  | 'authorizer'
  | 'changeAuthorizer'
  | 'problemAuthorizer'
  | 'problems'
  | 'problemStore'
  | 'proposalStore'
  | 'store'
> &
  RouteHelpers;

/** `/problems`, their incident links, and `/problem-proposals`. */
export function addProblemRoutes(router: ItsmRouter, deps: ProblemRouteDeps) {
  const { authorizer, problemAuthorizer, problems, problemStore } = deps;
  const { proposalStore, store, callerOf, audited, changeAuthorizer } = deps;

  // A problem lists the changes that fix it: their titles and statuses are
  // shown only to those who may read changes
  const withFixChanges = async <T extends Problem>(
    credentials: BackstageCredentials,
    page: T[],
  ): Promise<T[]> =>
    (await changeAuthorizer.allows(credentials, 'read'))
      ? page
      : page.map(p => ({ ...p, fixChanges: [] }));
  const withFixChangesOne = async (
    credentials: BackstageCredentials,
    p: Problem,
  ) => (await withFixChanges(credentials, [p]))[0];

  router.get('/problems', async (req, res) => {
    const { credentials } = await callerOf(req);
    await problemAuthorizer.authorize(credentials, 'read');
    const { query } = req;
    const page = await problemStore.listProblems({
      status: parseList(
        'status',
        query.status,
        isProblemStatus,
        PROBLEM_STATUSES,
      ),
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      ownerGroup: parseEntityRefParam('ownerGroup', query.ownerGroup, 'group'),
      minAgeDays: parseIntegerQuery(req, 'minAgeDays', {
        min: 0,
        max: 36500,
      }),
      q: query.q?.trim() || undefined,
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
      now: new Date().toISOString(),
    });
    res.json({ ...page, items: await withFixChanges(credentials, page.items) });
  });

  router.post('/problems', async (req, res) => {
    const problem = await audited(
      req,
      'problem-create',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'create');
        const incidents = await problems.resolveIncidents(
          'incidentIds',
          req.body.incidentIds ?? [],
        );
        // Linking writes on each incident: the caller must be allowed to
        for (const incident of incidents) {
          await authorizer.authorizeUpdate(credentials, incident);
        }
        return problems.create(req.body, incidents, {
          actor,
          credentials: catalogCredentials,
        });
      },
      created => ({ ref: created.ref }),
    );
    res.status(201).json(problem);
  });

  router.get('/problems/:id', async (req, res) => {
    const { credentials } = await callerOf(req);
    await problemAuthorizer.authorize(credentials, 'read');
    res.json(
      await withFixChangesOne(credentials, await problems.get(req.params.id)),
    );
  });

  router.patch('/problems/:id', async (req, res) => {
    const updated = await audited(
      req,
      'problem-update',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'update');
        const current = await problems.get(req.params.id);
        return problems.update(
          current,
          { ...req.body, version: readVersion(req, 'problem') },
          { actor, credentials: catalogCredentials },
        );
      },
      problem => ({ ref: problem.ref, version: problem.version }),
    );
    res.json(
      await withFixChangesOne((await callerOf(req)).credentials, updated),
    );
  });

  router.post('/problems/:id/incidents', async (req, res) => {
    const updated = await audited(
      req,
      'problem-link-incidents',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'update');
        const current = await problems.get(req.params.id);
        const link = await problems.resolveIncidents(
          'link',
          req.body.link ?? [],
        );
        const unlink = await problems.resolveIncidents(
          'unlink',
          req.body.unlink ?? [],
        );
        for (const incident of [...link, ...unlink]) {
          await authorizer.authorizeUpdate(credentials, incident);
        }
        return problems.changeIncidents(
          current,
          readVersion(req, 'problem'),
          link,
          unlink,
          { actor, credentials: catalogCredentials },
        );
      },
      problem => ({ ref: problem.ref, version: problem.version }),
    );
    res.json(
      await withFixChangesOne((await callerOf(req)).credentials, updated),
    );
  });

  router.post('/problems/:id/changes', async (req, res) => {
    const updated = await audited(
      req,
      'problem-link-changes',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'update');
        // The link is the change's problemRef: it writes on each change
        await changeAuthorizer.authorize(credentials, 'update');
        const current = await problems.get(req.params.id);
        const link = await problems.resolveChanges('link', req.body.link ?? []);
        const unlink = await problems.resolveChanges(
          'unlink',
          req.body.unlink ?? [],
        );
        return problems.changeChanges(
          current,
          readVersion(req, 'problem'),
          link,
          unlink,
          { actor, credentials: catalogCredentials },
        );
      },
      problem => ({
        ref: problem.ref,
        version: problem.version,
        changes: [...(req.body.link ?? []), ...(req.body.unlink ?? [])],
      }),
    );
    res.json(updated);
  });

  router.get('/problems/:id/timeline', async (req, res) => {
    const { credentials } = await callerOf(req);
    await problemAuthorizer.authorize(credentials, 'read');
    const problem = await problems.get(req.params.id);
    res.json(
      await problemStore.listEvents('problem', problem.id, {
        limit: parseLimit(req, DEFAULT_TIMELINE_LIMIT),
        cursor: req.query.cursor,
      }),
    );
  });

  router.get('/problem-proposals', async (req, res) => {
    const { credentials } = await callerOf(req);
    await problemAuthorizer.authorize(credentials, 'read');
    const { query } = req;
    const page = await proposalStore.listProposals({
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      status: query.status,
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
    });
    // A proposal shows its incidents (a major one's title is in its own):
    // only proposals whose incidents the caller may all read are listed
    if ((await authorizer.visibility(credentials)).result === 'all') {
      res.json(page);
      return;
    }
    const readable = await authorizer.readableBy(credentials);
    const shown = [];
    for (const proposal of page.items) {
      const incidents = await Promise.all(
        proposal.incidentIds.map(id => store.getIncident(id)),
      );
      if (incidents.every(incident => !incident || readable(incident))) {
        shown.push(proposal);
      }
    }
    res.json({ ...page, items: shown });
  });

  router.post('/problem-proposals/:id/accept', async (req, res) => {
    const problem = await audited(
      req,
      'problem-proposal-accept',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'create');
        const proposal = await proposalStore.getProposal(req.params.id);
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
        // The proposal names no entity refs: nothing to check in the catalog
        return problems.create(
          { title: proposal.title, description: proposal.summary },
          incidents,
          { actor, credentials: catalogCredentials },
          { fromProposalId: proposal.id },
        );
      },
      created => ({ problemRef: created.ref }),
    );
    res.status(201).json(problem);
  });

  router.post('/problem-proposals/:id/dismiss', async (req, res) => {
    const dismissed = await audited(
      req,
      'problem-proposal-dismiss',
      async () => {
        const { credentials, actor } = await callerOf(req);
        await problemAuthorizer.authorize(credentials, 'update');
        return proposalStore.dismiss(
          req.params.id,
          actor,
          new Date().toISOString(),
        );
      },
      proposal => ({ id: proposal.id }),
    );
    res.json(dismissed);
  });
}
