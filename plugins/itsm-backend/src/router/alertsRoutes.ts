import { Request, Response } from 'express';
import { AlertIngestService } from '../ingest/AlertIngestService';
import { parseAlertmanager } from '../ingest/alertmanager';
import { parseGeneric } from '../ingest/generic';
import { parseGrafana } from '../ingest/grafana';
import { parsePagerDuty } from '../ingest/pagerduty';
import { ReceivedNotification } from '../ingest/ReceivedAlert';
import { DatabaseAlertStore } from '../database/DatabaseAlertStore';
import { ItsmRouter, RouteHelpers } from './ItsmRouter';
import { RouterOptions } from './RouterOptions';
import { parseEntityRefParam, parseLimit } from './parseListQuery';

const DEFAULT_LIMIT = 50;

export type AlertRouteDeps = Pick<RouterOptions, 'authorizer' | 'incidents'> &
  RouteHelpers & {
    ingest: AlertIngestService;
    alertStore: DatabaseAlertStore;
  };

/** `/ingest/*` (webhooks from monitoring) and `/alerts`. */
export function addAlertRoutes(router: ItsmRouter, deps: AlertRouteDeps) {
  const { authorizer, incidents, ingest, alertStore, callerOf, audited } = deps;

  const ingestWith = async (
    req: Request,
    res: Response,
    parse: (body: unknown) => ReceivedNotification,
  ) => {
    const result = await audited(
      req,
      'alert-ingest',
      async () => {
        const { credentials, catalogCredentials, actor } = await callerOf(req);
        await authorizer.authorizeCreate(credentials);
        const notification = parse(req.body);
        return ingest.ingest(notification, {
          actor,
          credentials: catalogCredentials,
        });
      },
      done => ({
        alerts: done.alerts.length,
        incidents: [
          ...new Set(
            done.alerts.flatMap(a => (a.incidentRef ? [a.incidentRef] : [])),
          ),
        ],
      }),
    );
    res.status(202).json(result);
  };

  router.post('/ingest/alertmanager', (req, res) =>
    ingestWith(req, res, parseAlertmanager),
  );
  router.post('/ingest/pagerduty', (req, res) =>
    ingestWith(req, res, parsePagerDuty),
  );
  router.post('/ingest/grafana', (req, res) =>
    ingestWith(req, res, parseGrafana),
  );
  router.post('/ingest/generic', (req, res) =>
    ingestWith(req, res, parseGeneric),
  );

  router.get('/alerts', async (req, res) => {
    const { credentials } = await callerOf(req);
    const { query } = req;
    let incidentId: string | undefined;
    let permissionFilter;
    if (query.incidentId) {
      const incident = await incidents.get(query.incidentId);
      await authorizer.authorizeRead(credentials, incident);
      incidentId = incident.id;
    } else {
      const decision = await authorizer.authorizeList(credentials);
      permissionFilter =
        decision.result === 'filtered' ? decision.filter : undefined;
    }
    res.json(
      await alertStore.list({
        unmapped: query.unmapped,
        incidentId,
        entityRef: parseEntityRefParam('entityRef', query.entityRef),
        status: query.status,
        limit: parseLimit(req, DEFAULT_LIMIT),
        cursor: query.cursor,
        permissionFilter,
      }),
    );
  });
}
