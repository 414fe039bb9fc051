import {
  ACTION_ITEM_STATUSES,
  ActionItem,
  ActionItemStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefParam, parseLimit, parseList } from './parseListQuery';
import { readVersion } from './readVersion';
import { normalizeEntityRef } from '../service/entityRefs';
import { InputError } from '@backstage/errors';

const DEFAULT_LIMIT = 50;

export type ActionItemRouteDeps = Pick<
  RouterOptions,
  | 'authorizer'
  | 'store'
  | 'reviewAuthorizer'
  | 'actionItems'
  | 'problemAuthorizer'
  | 'problems'
  | 'changeAuthorizer'
  | 'changes'
> &
  RouteHelpers;

const isStatus = (value: string): value is ActionItemStatus =>
  (ACTION_ITEM_STATUSES as readonly string[]).includes(value);

/** Comma-separated owners: users by default, or groups. */
function parseOwners(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  return value
    .split(',')
    .map(v => v.trim())
    .filter(Boolean)
    .map((owner, i) => {
      try {
        return normalizeEntityRef(owner, 'user');
      } catch {
        throw new InputError(
          `owner[${i}]: "${owner}" is not an entity ref; use user:default/name or group:default/name`,
        );
      }
    });
}

/** `/action-items`. */
export function addActionItemRoutes(
  router: ItsmRouter,
  deps: ActionItemRouteDeps,
) {
  const { authorizer, store, reviewAuthorizer, actionItems } = deps;
  const { callerOf, audited } = deps;

  /** Items of incidents the caller may not read are left out. */
  async function visibleTo(
    credentials: Awaited<ReturnType<typeof callerOf>>['credentials'],
    items: ActionItem[],
  ): Promise<ActionItem[]> {
    const visibility = await authorizer.visibility(credentials);
    if (visibility.result === 'all') return items;
    if (visibility.result === 'none') {
      return items.filter(item => !item.incidentId);
    }
    const readable = await authorizer.readableBy(credentials);
    const ids = [...new Set(items.flatMap(item => item.incidentId ?? []))];
    const shown = new Set(
      (await store.getIncidentsByIds(ids)).filter(readable).map(i => i.id),
    );
    return items.filter(item => !item.incidentId || shown.has(item.incidentId));
  }

  router.get('/action-items', async (req, res) => {
    const { credentials } = await callerOf(req);
    await reviewAuthorizer.authorize(credentials, 'read');
    const { query } = req;
    const page = await actionItems.list({
      owner: parseOwners(query.owner),
      status: parseList('status', query.status, isStatus, ACTION_ITEM_STATUSES),
      overdue: query.overdue,
      incidentId: query.incidentId || undefined,
      entityRef: parseEntityRefParam('entityRef', query.entityRef),
      limit: parseLimit(req, DEFAULT_LIMIT),
      cursor: query.cursor,
    });
    res.json({ ...page, items: await visibleTo(credentials, page.items) });
  });

  router.post('/action-items', async (req, res) => {
    const item = await audited(
      req,
      'action-item-create',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await reviewAuthorizer.authorize(credentials, 'update');
        const incident = await actionItems.incidentOf(
          'incident',
          req.body.incident,
        );
        await authorizer.authorizeRead(credentials, incident);
        return actionItems.create(req.body, incident, {
          actor,
          credentials: catalogCredentials,
        });
      },
      created => ({ ref: created.ref }),
    );
    res.status(201).json(item);
  });

  router.patch('/action-items/:id', async (req, res) => {
    const item = await audited(
      req,
      'action-item-update',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await reviewAuthorizer.authorize(credentials, 'update');
        const current = await actionItems.get(req.params.id);
        if (current.incidentId) {
          const [incident] = await store.getIncidentsByIds([
            current.incidentId,
          ]);
          if (incident) await authorizer.authorizeRead(credentials, incident);
        }
        const { version: _version, ...request } = req.body;
        return actionItems.update(
          current,
          request,
          readVersion(req, 'action item'),
          { actor, credentials: catalogCredentials },
        );
      },
      updated => ({ ref: updated.ref, version: updated.version }),
    );
    res.json(item);
  });

  router.post('/action-items/:id/convert', async (req, res) => {
    const item = await audited(
      req,
      'action-item-convert',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await reviewAuthorizer.authorize(credentials, 'update');
        const current = await actionItems.get(req.params.id);
        const [incident] = current.incidentId
          ? await store.getIncidentsByIds([current.incidentId])
          : [];
        if (incident) await authorizer.authorizeRead(credentials, incident);
        if (current.problemId && req.body.to === 'problem') {
          throw new InputError(
            `to: ${current.ref} already became ${current.problemRef}`,
          );
        }
        if (current.changeId && req.body.to === 'change') {
          throw new InputError(
            `to: ${current.ref} already became ${current.changeRef}`,
          );
        }
        const ctx = { actor, credentials: catalogCredentials };
        const from = `From action item ${current.ref}${
          current.incidentRef ? ` of the review of ${current.incidentRef}` : ''
        }.`;
        const description = [from, current.description]
          .filter(Boolean)
          .join('\n\n');
        if (req.body.to === 'problem') {
          await deps.problemAuthorizer.authorize(credentials, 'create');
          const problem = await deps.problems.create(
            { title: current.title, description },
            [],
            ctx,
          );
          return actionItems.link(current, { problemId: problem.id }, ctx);
        }
        await deps.changeAuthorizer.authorize(credentials, 'create');
        if (!incident) {
          throw new InputError(
            `to: ${current.ref} names no incident whose services the change would affect`,
          );
        }
        // Planned on the item's due day; the change's owner reschedules it
        const change = await deps.changes.create(
          {
            title: current.title,
            description,
            type: 'normal',
            risk: 'medium',
            affectedServices: incident.affectedServices,
            plannedStart: `${current.dueDate}T09:00:00.000Z`,
            plannedEnd: `${current.dueDate}T10:00:00.000Z`,
          },
          ctx,
        );
        return actionItems.link(current, { changeId: change.id }, ctx);
      },
      updated => ({
        ref: updated.ref,
        problemRef: updated.problemRef ?? null,
        changeRef: updated.changeRef ?? null,
      }),
    );
    res.status(201).json(item);
  });
}
