import {
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import { itsmPlugin } from './plugin';
import { spec } from './schema/openapi.generated';

jest.setTimeout(60_000);

/**
 * Every route of the served spec, refused without credentials, refused under
 * a deny-all policy, and hiding incidents of other teams' services under a
 * conditional policy — wherever incidents appear.
 */

const ALICE = 'user:default/alice';
const HIDDEN_TITLE = 'Ledger secret outage';

const entity = (
  kind: string,
  name: string,
  entitySpec: object = {},
  relations: Entity['relations'] = [],
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: entitySpec,
  relations,
});

const entities: Entity[] = [
  entity('Component', 'payments-api', { owner: 'group:default/payments-team' }),
  entity('Component', 'ledger', { owner: 'group:default/sre' }),
  entity('Group', 'payments-team', { type: 'team', children: [] }),
  entity('Group', 'sre', { type: 'team', children: [] }),
  entity('User', 'alice', {}, [
    { type: 'memberOf', targetRef: 'group:default/payments-team' },
  ]),
  entity('User', 'bob', {}, [
    { type: 'memberOf', targetRef: 'group:default/payments-team' },
  ]),
];

/** The services owned by the groups the user is a member of. */
function servicesOwnedBy(userRef: string): string[] {
  const user = entities.find(
    e => `user:default/${e.metadata.name}` === userRef,
  );
  const groups = (user?.relations ?? [])
    .filter(r => r.type === 'memberOf')
    .map(r => r.targetRef);
  return entities
    .filter(e => e.kind === 'Component')
    .filter(e => groups.includes(String(e.spec?.owner)))
    .map(e => `component:default/${e.metadata.name}`);
}

type Policy = 'allow' | 'deny' | 'own-services';

/** One backend whose permission policy the test switches. */
async function startPolicyBackend() {
  let policy: Policy = 'allow';
  const permissions = mockServices.permissions.mock({
    authorize: async requests =>
      requests.map(() => ({
        result:
          policy === 'deny' ? AuthorizeResult.DENY : AuthorizeResult.ALLOW,
      })),
    authorizeConditional: async (requests, options) =>
      requests.map(({ permission }) => {
        if (policy === 'deny') return { result: AuthorizeResult.DENY };
        if (
          policy === 'allow' ||
          !isResourcePermission(permission, 'itsm-incident')
        ) {
          return { result: AuthorizeResult.ALLOW };
        }
        const credentials =
          options.credentials as BackstageCredentials<BackstageUserPrincipal>;
        return {
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'HAS_AFFECTED_SERVICE',
            resourceType: 'itsm-incident',
            params: {
              entityRefs: servicesOwnedBy(credentials.principal.userEntityRef),
            },
          },
        };
      }) as any,
  });
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities }),
      permissions.factory,
      // Without a token a request has no credentials (the default mock
      // would treat it as the mock user)
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
    ],
  });
  return { server, setPolicy: (next: Policy) => (policy = next) };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof METHODS)[number];

/** `GET /incidents/{id}`, … from the spec the router serves. */
function specRoutes(): string[] {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter(m => m in item).map(m => `${m.toUpperCase()} ${path}`),
  );
}

type Ids = Record<'incident' | 'hidden' | 'problem' | 'workaround', string> &
  Record<'change' | 'schedule' | 'incidentRef' | 'actionItem', string>;

/**
 * Per route: what a deny-all policy answers (403, or 200 where the route is
 * public or filters a list), and a request that passes validation.
 */
interface RouteCase {
  deny: 403 | 'public';
  query?: (ids: Ids) => Record<string, string>;
  body?: (ids: Ids) => object;
}

const change = {
  title: 'Upgrade payments database',
  type: 'normal',
  risk: 'low',
  affectedServices: ['component:default/payments-api'],
  plannedStart: '2026-12-01T10:00:00Z',
  plannedEnd: '2026-12-01T12:00:00Z',
};
const schedule = {
  name: 'payments-oncall',
  ownerGroup: 'payments-team',
  timezone: 'Europe/Paris',
  layers: [
    {
      name: 'primary',
      users: ['alice', 'bob'],
      rotation: { type: 'daily' },
      handoffTime: '09:00',
      startDate: '2026-01-01',
    },
  ],
};
const report = (service: string, title: string) => ({
  title,
  description: 'Acquirer returns 502',
  affectedServices: [service],
  category: 'availability',
  impact: 'medium',
  urgency: 'medium',
});

/** An Alertmanager notification whose one alert names a service. */
const alertmanagerPayload = (service: string) => ({
  version: '4',
  groupKey: '{}:{alertname="LedgerDown"}',
  status: 'firing',
  receiver: 'itsm',
  alerts: [
    {
      status: 'firing',
      labels: { alertname: 'LedgerDown', service: service.split('/')[1] },
      annotations: { summary: HIDDEN_TITLE },
      fingerprint: 'auth-ledger',
    },
  ],
});

const ROUTES: Record<string, RouteCase> = {
  'GET /health': { deny: 'public' },
  'GET /incidents': { deny: 403 },
  'POST /incidents': {
    deny: 403,
    body: () => report('component:default/payments-api', 'New'),
  },
  'GET /incidents/{id}': { deny: 403 },
  'PATCH /incidents/{id}': {
    deny: 403,
    body: () => ({ version: 1, status: 'acknowledged' }),
  },
  'POST /incidents/{id}/updates': {
    deny: 403,
    body: () => ({ message: 'hello' }),
  },
  'GET /incidents/{id}/timeline': { deny: 403 },
  'PUT /incidents/{id}/cause': {
    deny: 403,
    body: ids => ({ change: ids.change }),
  },
  'GET /sla/compliance': { deny: 403 },
  'GET /reports/kpis': { deny: 403 },
  'GET /reports/weekly': { deny: 403 },
  'GET /entities/{kind}/{namespace}/{name}/summary': { deny: 403 },
  'GET /problems': { deny: 403 },
  'POST /problems': { deny: 403, body: () => ({ title: 'Slow checkout' }) },
  'GET /problems/{id}': { deny: 403 },
  'PATCH /problems/{id}': {
    deny: 403,
    body: () => ({ version: 1, title: 'Renamed' }),
  },
  'POST /problems/{id}/incidents': {
    deny: 403,
    body: ids => ({ version: 1, link: [ids.incident] }),
  },
  'POST /problems/{id}/changes': {
    deny: 403,
    body: ids => ({ version: 1, link: [ids.change] }),
  },
  'GET /problems/{id}/timeline': { deny: 403 },
  'GET /workarounds': { deny: 403 },
  'POST /workarounds': {
    deny: 403,
    body: () => ({
      title: 'Restart',
      steps: 'Restart the pods',
      affectedServices: ['component:default/payments-api'],
    }),
  },
  'GET /workarounds/{id}': { deny: 403 },
  'PATCH /workarounds/{id}': {
    deny: 403,
    body: () => ({ version: 1, title: 'Renamed' }),
  },
  'POST /workarounds/{id}/uses': {
    deny: 403,
    body: ids => ({ incidentId: ids.incident }),
  },
  'GET /report-suggestions': {
    deny: 403,
    query: () => ({
      entityRef: 'component:default/ledger',
      title: HIDDEN_TITLE,
    }),
  },
  'GET /problem-proposals': { deny: 403 },
  'POST /problem-proposals/{id}/accept': { deny: 403 },
  'POST /problem-proposals/{id}/dismiss': { deny: 403 },
  'GET /oncall': {
    deny: 403,
    query: () => ({ entityRef: 'component:default/payments-api' }),
  },
  'GET /oncall/shifts': {
    deny: 403,
    query: () => ({ user: ALICE }),
  },
  'GET /schedules': { deny: 403 },
  'POST /schedules': { deny: 403, body: () => schedule },
  'GET /schedules/{id}': { deny: 403 },
  'PATCH /schedules/{id}': {
    deny: 403,
    body: () => ({ version: 1, name: 'renamed' }),
  },
  'GET /escalation-policies/{namespace}/{name}': { deny: 403 },
  'PUT /escalation-policies/{namespace}/{name}': {
    deny: 403,
    body: () => ({
      levels: [
        { afterMinutes: 0, targets: [{ type: 'group', groupRef: 'sre' }] },
      ],
    }),
  },
  'GET /changes': { deny: 403 },
  'POST /changes': { deny: 403, body: () => change },
  'GET /changes/conflicts': {
    deny: 403,
    query: () => ({
      services: 'component:default/payments-api',
      start: '2026-12-01T00:00:00Z',
      end: '2026-12-02T00:00:00Z',
    }),
  },
  'GET /changes/freezes': { deny: 403 },
  'GET /changes/gate': {
    deny: 403,
    query: () => ({ entityRef: 'component:default/payments-api' }),
  },
  'GET /changes/metrics': { deny: 403 },
  'GET /changes/{id}': { deny: 403 },
  'PATCH /changes/{id}': {
    deny: 403,
    body: () => ({ version: 1, title: 'Renamed' }),
  },
  'POST /changes/{id}/approvals': {
    deny: 403,
    body: () => ({ decision: 'approved' }),
  },
  'GET /changes/{id}/events': { deny: 403 },
  'POST /changes/{id}/incidents': {
    deny: 403,
    body: ids => ({ incident: ids.incidentRef }),
  },
  'DELETE /changes/{id}/incidents/{incident}': { deny: 403 },
  'POST /ingest/alertmanager': {
    deny: 403,
    body: () => alertmanagerPayload('component:default/ledger'),
  },
  'POST /ingest/pagerduty': {
    deny: 403,
    body: () => ({
      event_action: 'trigger',
      dedup_key: 'auth/pd',
      payload: { summary: 'Ledger down', source: 'host', severity: 'info' },
    }),
  },
  'POST /ingest/grafana': {
    deny: 403,
    body: () => ({
      ...alertmanagerPayload('component:default/ledger'),
      version: '1',
      orgId: 1,
    }),
  },
  'POST /ingest/generic': {
    deny: 403,
    body: () => ({
      dedupKey: 'auth/generic',
      status: 'firing',
      title: 'Unrouted alert',
    }),
  },
  'GET /alerts': { deny: 403 },
  'GET /incidents/{id}/major': { deny: 403 },
  'POST /incidents/{id}/major': {
    deny: 403,
    body: () => ({ reason: 'Payments down' }),
  },
  'PUT /incidents/{id}/roles': { deny: 403, body: () => ({ roles: [] }) },
  'POST /incidents/{id}/subscribers': { deny: 403, body: () => ({}) },
  'DELETE /incidents/{id}/subscribers': { deny: 403 },
  'POST /entities/{kind}/{namespace}/{name}/subscribers': {
    deny: 403,
    body: () => ({}),
  },
  'DELETE /entities/{kind}/{namespace}/{name}/subscribers': { deny: 403 },
  // Any signed-in user reads the status page; unreadable incidents are
  // shown without ref or title
  'GET /status': { deny: 'public' },
  'GET /services/open-incidents': {
    deny: 403,
    query: () => ({ owner: 'group:default/payments-team,group:default/sre' }),
  },
  'GET /incidents/{id}/review': { deny: 403 },
  'PUT /incidents/{id}/review': {
    deny: 403,
    body: () => ({ sections: { summary: 'Payments failed' } }),
  },
  'POST /incidents/{id}/review/approvals': { deny: 403, body: () => ({}) },
  'GET /reviews': { deny: 403, query: () => ({ status: 'to_write' }) },
  'GET /action-items': { deny: 403 },
  'POST /action-items': {
    deny: 403,
    body: ids => ({
      title: 'Alert on pool saturation',
      owner: 'group:default/sre',
      dueDate: '2026-12-31',
      incident: ids.incident,
    }),
  },
  'PATCH /action-items/{id}': {
    deny: 403,
    body: () => ({ version: 1, status: 'in_progress' }),
  },
  'POST /action-items/{id}/convert': {
    deny: 403,
    body: () => ({ to: 'problem' }),
  },
};

/** The URL of a route, its path parameters filled with records of the kind. */
function urlOf(route: string, ids: Ids): string {
  const path = route.split(' ')[1];
  const idOf: Record<string, string> = {
    incidents: ids.incident,
    problems: ids.problem,
    workarounds: ids.workaround,
    changes: ids.change,
    schedules: ids.schedule,
    'problem-proposals': '00000000-0000-4000-8000-000000000000',
    'action-items': ids.actionItem,
  };
  const resource = path.split('/')[1];
  return `/api/itsm${path
    .replace('{id}', idOf[resource])
    .replace('{incident}', ids.incidentRef)
    .replace(
      '{kind}/{namespace}/{name}',
      resource === 'entities' ? 'component/default/ledger' : '',
    )
    .replace('{namespace}/{name}', 'default/payments-team')}`;
}

function send(
  server: Parameters<typeof request>[0],
  route: string,
  ids: Ids,
  auth?: string,
) {
  const method = route.split(' ')[0].toLowerCase() as Method;
  const routeCase = ROUTES[route];
  let req = request(server)[method](urlOf(route, ids));
  if (auth) req = req.set('authorization', auth);
  if (routeCase.query) req = req.query(routeCase.query(ids));
  if (method !== 'get' && method !== 'delete') {
    req = req.send(routeCase.body?.(ids) ?? {});
  }
  return req;
}

describe('authorization of every route of the spec', () => {
  const alice = mockCredentials.user.header(ALICE);
  let backend: Awaited<ReturnType<typeof startPolicyBackend>>;
  let ids: Ids;

  beforeAll(async () => {
    backend = await startPolicyBackend();
    const { server } = backend;
    const post = async (path: string, body: object) => {
      const res = await request(server)
        .post(`/api/itsm${path}`)
        .set('authorization', alice)
        .send(body);
      if (res.status !== 201) {
        throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      }
      return res.body;
    };
    const visible = await post(
      '/incidents',
      report('component:default/payments-api', 'Card payments failing'),
    );
    const hidden = await post(
      '/incidents',
      report('component:default/ledger', HIDDEN_TITLE),
    );
    // An alert on ledger opens another incident alice may not see
    const ingested = await request(server)
      .post('/api/itsm/ingest/alertmanager')
      .set('authorization', alice)
      .send(alertmanagerPayload('component:default/ledger'));
    if (ingested.body.alerts?.[0]?.outcome !== 'created') {
      throw new Error(
        `ingest: ${ingested.status} ${JSON.stringify(ingested.body)}`,
      );
    }
    const problem = await post('/problems', {
      title: 'Payments keep failing',
      incidentIds: [visible.id, hidden.id],
    });
    const workaround = await post('/workarounds', {
      problemId: problem.id,
      title: 'Retry',
      steps: 'Retry the payment',
      affectedServices: ['component:default/ledger'],
    });
    const caused = await post('/changes', change);
    await post(`/changes/${caused.id}/incidents`, { incident: visible.ref });
    await post(`/changes/${caused.id}/incidents`, { incident: hidden.ref });
    const created = await post('/schedules', schedule);
    const policy = await request(server)
      .put('/api/itsm/escalation-policies/default/payments-team')
      .set('authorization', alice)
      .send(ROUTES['PUT /escalation-policies/{namespace}/{name}'].body!(ids));
    if (policy.status !== 200) {
      throw new Error(`escalation policy: ${policy.status}`);
    }
    for (const incident of [visible, hidden]) {
      const review = await request(server)
        .put(`/api/itsm/incidents/${incident.id}/review`)
        .set('authorization', alice)
        .send({ sections: { summary: incident.title } });
      if (review.status !== 200) throw new Error(`review: ${review.status}`);
      await post('/action-items', {
        title: `Follow up ${incident.title}`,
        owner: 'group:default/sre',
        dueDate: '2026-01-01',
        incident: incident.id,
      });
    }
    const actionItem = await post('/action-items', {
      title: 'Alert on pool saturation',
      owner: 'group:default/payments-team',
      dueDate: '2026-12-31',
      incident: visible.id,
    });
    ids = {
      actionItem: actionItem.id,
      incident: visible.id,
      incidentRef: visible.ref,
      hidden: hidden.id,
      problem: problem.id,
      workaround: workaround.id,
      change: caused.id,
      schedule: created.id,
    };
  });

  it('covers every route of the spec, and only those', () => {
    const routes = specRoutes();
    expect(routes.sort()).toEqual(Object.keys(ROUTES).sort());
    expect(routes).toHaveLength(70);
  });

  it('serves the spec at /api/itsm/openapi.json, to callers with a token', async () => {
    const { server } = backend;
    const served = await request(server)
      .get('/api/itsm/openapi.json')
      .set('authorization', alice);
    expect(served.status).toBe(200);
    expect(Object.keys(served.body.paths)).toHaveLength(
      Object.keys(spec.paths).length,
    );
    expect((await request(server).get('/api/itsm/openapi.json')).status).toBe(
      401,
    );
    const wellKnown = await request(server)
      .get('/api/itsm/.well-known/backstage/openapi.json')
      .set('authorization', alice);
    expect(wellKnown.status).toBe(404);
  });

  it('answers 401 without a token or with a forged one, except /health', async () => {
    backend.setPolicy('allow');
    for (const route of specRoutes()) {
      for (const auth of [undefined, mockCredentials.user.invalidHeader()]) {
        const res = await send(backend.server, route, ids, auth);
        const expected = route === 'GET /health' ? 200 : 401;
        expect({ route, auth, status: res.status }).toEqual({
          route,
          auth,
          status: expected,
        });
      }
    }
  });

  it('answers 403 under a deny-all policy', async () => {
    backend.setPolicy('deny');
    for (const route of specRoutes()) {
      const res = await send(backend.server, route, ids, alice);
      const expected = ROUTES[route].deny === 'public' ? 200 : 403;
      expect({ route, status: res.status }).toEqual({
        route,
        status: expected,
      });
    }
  });

  describe('under a policy that shows incidents of the services your team owns', () => {
    beforeAll(() => backend.setPolicy('own-services'));

    it('leaves the other incidents out of every read', async () => {
      const reads = specRoutes().filter(r => r.startsWith('GET '));
      expect(reads).toHaveLength(34);
      for (const route of reads) {
        const res = await send(backend.server, route, ids, alice);
        expect({ route, status: res.status }).toEqual({ route, status: 200 });
        const body = JSON.stringify(res.body);
        expect({ route, leaks: body.includes(HIDDEN_TITLE) }).toEqual({
          route,
          leaks: false,
        });
        expect({ route, leaks: body.includes(ids.hidden) }).toEqual({
          route,
          leaks: false,
        });
      }
    });

    it('refuses the other incidents themselves', async () => {
      const server = backend.server;
      const hidden = `/api/itsm/incidents/${ids.hidden}`;
      const responses = await Promise.all([
        request(server).get(hidden).set('authorization', alice),
        request(server).get(`${hidden}/timeline`).set('authorization', alice),
        request(server)
          .patch(hidden)
          .set('authorization', alice)
          .send({ version: 2, status: 'acknowledged' }),
        request(server)
          .post(`${hidden}/updates`)
          .set('authorization', alice)
          .send({ message: 'hello' }),
        request(server)
          .put(`${hidden}/cause`)
          .set('authorization', alice)
          .send({ change: null }),
      ]);
      expect(responses.map(r => r.status)).toEqual([403, 403, 403, 403, 403]);
    });

    it("shows only the incidents you may read among a change's caused incidents", async () => {
      const server = backend.server;
      const url = `/api/itsm/changes/${ids.change}`;
      const causedRefs = (res: request.Response) =>
        res.body.causedIncidents.map((i: { ref: string }) => i.ref);

      const read = await request(server).get(url).set('authorization', alice);
      expect(causedRefs(read)).toEqual([ids.incidentRef]);

      const patched = await request(server)
        .patch(url)
        .set('authorization', alice)
        .send({ version: read.body.version, description: 'Planned' });
      expect(patched.status).toBe(200);
      expect(causedRefs(patched)).toEqual([ids.incidentRef]);

      const unlinked = await request(server)
        .delete(`${url}/incidents/${ids.incidentRef}`)
        .set('authorization', alice);
      expect(unlinked.status).toBe(200);
      expect(causedRefs(unlinked)).toEqual([]);

      const linked = await request(server)
        .post(`${url}/incidents`)
        .set('authorization', alice)
        .send({ incident: ids.incidentRef });
      expect(linked.status).toBe(201);
      expect(causedRefs(linked)).toEqual([ids.incidentRef]);

      // Under an allow-all policy the hidden one is there
      backend.setPolicy('allow');
      const all = await request(server).get(url).set('authorization', alice);
      backend.setPolicy('own-services');
      expect(all.body.causedIncidents).toHaveLength(2);
      expect(JSON.stringify(all.body)).toContain(HIDDEN_TITLE);
    });
  });
});
