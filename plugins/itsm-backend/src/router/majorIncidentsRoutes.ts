import { NotAllowedError } from '@backstage/errors';
import {
  Incident,
  majorIncidentActions,
} from '@openitsm/backstage-plugin-itsm-common';
import { Request } from 'express';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';

export type MajorIncidentRouteDeps = Pick<
  RouterOptions,
  'authorizer' | 'incidents' | 'majorIncidents'
> &
  RouteHelpers;

/**
 * `/incidents/:id/major`, `/roles`, `/subscribers` and the service
 * subscriptions under `/entities/…/subscribers`.
 */
export function addMajorIncidentRoutes(
  router: ItsmRouter,
  deps: MajorIncidentRouteDeps,
) {
  const { authorizer, incidents, majorIncidents, callerOf, audited } = deps;

  /** The caller, the incident (readable) and what they may do on it. */
  async function allowedOn(req: Request<any, any, any, any>) {
    const caller = await callerOf(req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(caller.credentials, incident);
    const grants = await authorizer.majorGrants(caller.credentials, incident);
    const roles = await majorIncidents.roles(incident);
    const may = majorIncidentActions(
      { userRef: caller.isUser ? caller.actor : undefined, ...grants },
      incident,
      roles,
    );
    const commands =
      grants.mayManageMajor ||
      roles.some(r => r.role === 'commander' && r.userRef === caller.actor);
    const ctx = { actor: caller.actor, credentials: caller.catalogCredentials };
    return { caller, incident, may, commands, grants, ctx };
  }

  const refuse = (incident: Incident, what: string, why: string) =>
    new NotAllowedError(
      `You are not allowed to ${what} on ${incident.ref} (${why})`,
    );

  router.get('/incidents/:id/major', async (req, res) => {
    const { credentials } = await callerOf(req);
    const incident = await incidents.get(req.params.id);
    await authorizer.authorizeRead(credentials, incident);
    res.json(await majorIncidents.view(incident));
  });

  router.post('/incidents/:id/major', async (req, res) => {
    const view = await audited(
      req,
      'incident-declare-major',
      async () => {
        const { incident, grants, commands, ctx } = await allowedOn(req);
        const declare = req.body.major !== false;
        if (declare ? !grants.mayManageMajor : !commands) {
          throw refuse(
            incident,
            declare
              ? 'declare a major incident'
              : 'withdraw the major incident',
            declare
              ? 'itsm.incident.major'
              : 'itsm.incident.major, or being its commander',
          );
        }
        const updated = await majorIncidents.declare(incident, req.body, ctx);
        return majorIncidents.view(updated);
      },
      v => ({ ref: v.ref, major: v.major }),
      { major: req.body?.major !== false },
    );
    res.json(view);
  });

  router.put('/incidents/:id/roles', async (req, res) => {
    const view = await audited(
      req,
      'incident-set-roles',
      async () => {
        const { incident, commands, ctx } = await allowedOn(req);
        if (!commands) {
          throw refuse(
            incident,
            'set the crisis cell',
            'itsm.incident.major, or being its commander',
          );
        }
        await majorIncidents.setRoles(incident, req.body, ctx);
        return majorIncidents.view(incident);
      },
      v => ({ ref: v.ref }),
    );
    res.json(view);
  });

  router.post('/incidents/:id/subscribers', async (req, res) => {
    const items = await audited(
      req,
      'incident-subscribe',
      async () => {
        const { incident, may, ctx } = await allowedOn(req);
        const subscriber = req.body.subscriber;
        if (!majorIncidents.isSelf(subscriber, ctx) && !may.subscribeOthers) {
          throw refuse(
            incident,
            'subscribe others',
            'itsm.incident.major, or being its commander or communications lead',
          );
        }
        return majorIncidents.subscribe(incident, subscriber, ctx);
      },
      () => ({ ref: req.params.id }),
    );
    res.status(201).json({ items });
  });

  router.delete('/incidents/:id/subscribers', async (req, res) => {
    const items = await audited(
      req,
      'incident-unsubscribe',
      async () => {
        const { incident, may, ctx } = await allowedOn(req);
        const subscriber = req.query.subscriber;
        if (!majorIncidents.isSelf(subscriber, ctx) && !may.subscribeOthers) {
          throw refuse(
            incident,
            'unsubscribe others',
            'itsm.incident.major, or being its commander or communications lead',
          );
        }
        return majorIncidents.unsubscribe(incident, subscriber, ctx);
      },
      () => ({ ref: req.params.id }),
    );
    res.json({ items });
  });

  /** The service subscriptions: yourself with read, others with major. */
  async function serviceCaller(
    req: Request<any, any, any, any>,
    subscriber: string | undefined,
  ) {
    const caller = await callerOf(req);
    await authorizer.authorizeList(caller.credentials);
    const ctx = { actor: caller.actor, credentials: caller.catalogCredentials };
    if (
      !majorIncidents.isSelf(subscriber, ctx) &&
      !(await authorizer.mayManageMajorAnywhere(caller.credentials))
    ) {
      throw new NotAllowedError(
        'You are not allowed to subscribe others to a service (itsm.incident.major)',
      );
    }
    const { kind, namespace, name } = req.params;
    return { ctx, entityRef: `${kind}:${namespace}/${name}` };
  }

  router.post(
    '/entities/:kind/:namespace/:name/subscribers',
    async (req, res) => {
      const items = await audited(
        req,
        'service-subscribe',
        async () => {
          const { ctx, entityRef } = await serviceCaller(
            req,
            req.body.subscriber,
          );
          return majorIncidents.subscribeToService(
            entityRef,
            req.body.subscriber,
            ctx,
          );
        },
        () => ({ kind: req.params.kind, name: req.params.name }),
      );
      res.status(201).json({ items });
    },
  );

  router.delete(
    '/entities/:kind/:namespace/:name/subscribers',
    async (req, res) => {
      const items = await audited(
        req,
        'service-unsubscribe',
        async () => {
          const { ctx, entityRef } = await serviceCaller(
            req,
            req.query.subscriber,
          );
          return majorIncidents.unsubscribeFromService(
            entityRef,
            req.query.subscriber,
            ctx,
          );
        },
        () => ({ kind: req.params.kind, name: req.params.name }),
      );
      res.json({ items });
    },
  );
}
