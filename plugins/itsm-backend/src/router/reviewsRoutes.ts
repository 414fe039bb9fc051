import { renderReviewMarkdown } from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefParam, parseLimit } from './parseListQuery';
import { readVersion } from './readVersion';

const DEFAULT_LIMIT = 50;

export type ReviewRouteDeps = Pick<
  RouterOptions,
  'authorizer' | 'incidents' | 'store' | 'reviewAuthorizer' | 'reviews'
> &
  RouteHelpers;

/** `/incidents/:id/review` and `/reviews`. */
export function addReviewRoutes(router: ItsmRouter, deps: ReviewRouteDeps) {
  const { authorizer, incidents, store, reviewAuthorizer, reviews } = deps;
  const { callerOf, audited } = deps;

  router.get('/incidents/:id/review', async (req, res) => {
    const { credentials } = await callerOf(req);
    await reviewAuthorizer.authorize(credentials, 'read');
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(credentials, incident);
    const review = await reviews.get(incident);
    if (req.query.format === 'md') {
      res
        .type('text/markdown; charset=utf-8')
        .send(renderReviewMarkdown(review) as any);
      return;
    }
    res.json(review);
  });

  router.put('/incidents/:id/review', async (req, res) => {
    const written = await audited(
      req,
      'review-put',
      async () => {
        const { credentials, actor } = await callerOf(req);
        await reviewAuthorizer.authorize(credentials, 'update');
        const incident = await incidents.get(req.params.id);
        await authorizer.authorizeRead(credentials, incident);
        const { version: _version, ...request } = req.body;
        return reviews.put(incident, request, readVersion(req, 'review'), {
          actor,
          mayPublish:
            request.status === 'published' &&
            (await reviewAuthorizer.isAllowed(credentials, 'publish')),
        });
      },
      result => ({
        ref: result.incidentRef,
        status: result.status,
        version: result.version,
      }),
    );
    res.json(written);
  });

  router.post('/incidents/:id/review/approvals', async (req, res) => {
    const approved = await audited(
      req,
      'review-approve',
      async () => {
        const { credentials, actor } = await callerOf(req);
        await reviewAuthorizer.authorize(credentials, 'read');
        const incident = await incidents.get(req.params.id);
        await authorizer.authorizeRead(credentials, incident);
        return reviews.approve(incident, req.body.comment, {
          actor,
          mayPublish: await reviewAuthorizer.isAllowed(credentials, 'publish'),
        });
      },
      result => ({ ref: result.incidentRef, version: result.version }),
    );
    res.status(201).json(approved);
  });

  router.get('/reviews', async (req, res) => {
    const { credentials } = await callerOf(req);
    await reviewAuthorizer.authorize(credentials, 'read');
    const visibility = await authorizer.visibility(credentials);
    if (visibility.result === 'none') {
      res.json({ items: [] });
      return;
    }
    const { query } = req;
    const page = await reviews.list({
      status: query.status,
      blocked: query.blocked,
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
    });
    if (visibility.result === 'all') {
      res.json(page);
      return;
    }
    // Only reviews of incidents the caller may read
    const readable = await authorizer.readableBy(credentials);
    const shown = new Set(
      (await store.getIncidentsByIds(page.items.map(i => i.incidentId)))
        .filter(readable)
        .map(i => i.id),
    );
    res.json({
      ...page,
      items: page.items.filter(item => shown.has(item.incidentId)),
    });
  });
}
