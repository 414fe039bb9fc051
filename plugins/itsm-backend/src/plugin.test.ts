import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { itsmIncidentEventsExtensionPoint } from '@openitsm/backstage-plugin-itsm-node';
import { itsmPlugin } from './plugin';

jest.setTimeout(30_000);

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const entities = [
  {
    ...entity('Component', 'gold-api'),
    metadata: {
      name: 'gold-api',
      namespace: 'default',
      annotations: { 'openitsm.io/sla-tier': 'gold' },
    },
  },
  entity('Component', 'payments-api'),
  entity('Component', 'ledger'),
  entity('User', 'bob'),
  entity('Group', 'payments-team'),
];

async function startBackend(
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities }),
      ...(permission
        ? [mockServices.permissions.factory({ result: permission })]
        : []),
    ],
  });
  return server;
}

const report = {
  title: 'Card payments failing',
  description: 'Acquirer returns 502',
  affectedServices: ['component:default/payments-api', 'ledger'],
  category: 'availability',
  impact: 'high',
  urgency: 'medium',
};

describe('itsm backend over HTTP', () => {
  it('runs an incident through its lifecycle, with a timeline', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ref: 'INC-1001',
      priority: 'P2',
      status: 'new',
      version: 1,
      source: 'portal',
      reporter: 'user:default/mock',
      affectedServices: [
        'component:default/payments-api',
        'component:default/ledger',
      ],
    });
    const id = created.body.id;

    const listed = await request(server)
      .get('/api/itsm/incidents')
      .query({ entityRef: 'component:default/ledger' });
    expect(listed.body.error?.message).toBeUndefined();
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: any) => i.ref)).toEqual(['INC-1001']);
    expect(listed.body.totalCount).toBe(1);

    const patch = (body: object) =>
      request(server).patch(`/api/itsm/incidents/${id}`).send(body);

    expect(
      (await patch({ version: 1, status: 'acknowledged' })).body,
    ).toMatchObject({
      status: 'acknowledged',
      version: 2,
    });
    expect(
      (
        await patch({
          version: 2,
          status: 'in_progress',
          assignee: 'user:default/bob',
          assignedGroup: 'payments-team',
        })
      ).body,
    ).toMatchObject({
      status: 'in_progress',
      assignee: 'user:default/bob',
      assignedGroup: 'group:default/payments-team',
      version: 3,
    });
    expect((await patch({ version: 3, status: 'on_hold' })).status).toBe(200);
    expect((await patch({ version: 4, status: 'in_progress' })).status).toBe(
      200,
    );

    const unresolved = await patch({ version: 5, status: 'resolved' });
    expect(unresolved.status).toBe(400);
    expect(unresolved.body.error.message).toMatch(/resolutionCode is required/);

    const resolved = await patch({
      version: 5,
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Failed over to the secondary acquirer',
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolutionCode: 'fixed',
      version: 6,
    });
    expect(resolved.body.resolvedAt).toBeDefined();

    const reopened = await request(server)
      .patch(`/api/itsm/incidents/${created.body.ref}`)
      .set('If-Match', '"6"')
      .send({ status: 'in_progress' });
    expect(reopened.body).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      version: 7,
    });
    expect(reopened.body.resolvedAt).toBeUndefined();

    const update = await request(server)
      .post(`/api/itsm/incidents/${id}/updates`)
      .send({ message: 'Acquirer confirmed the outage' });
    expect(update.status).toBe(201);

    const timeline = await request(server).get(
      `/api/itsm/incidents/${id}/timeline`,
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'status_changed',
      'assigned',
      'status_changed',
      'status_changed',
      'status_changed',
      'sla_recomputed',
      'status_changed',
      'status_changed',
      'sla_recomputed',
      'update',
    ]);
    expect(timeline.body.items[1]).toMatchObject({
      actor: 'user:default/mock',
      message: 'Status new → acknowledged',
      before: { status: 'new' },
      after: { status: 'acknowledged' },
    });
    expect(timeline.body.items[8].message).toMatch(/Reopened/);
    expect(timeline.body.items[9].message).toMatch(/reopened/);

    const summary = await request(server).get(
      '/api/itsm/entities/component/default/payments-api/summary',
    );
    expect(summary.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      openCount: 1,
      openByPriority: { P1: 0, P2: 1, P3: 0, P4: 0, P5: 0 },
    });
  });

  it('takes incidents from API callers with a service token, unencoded refs in the query', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set('Authorization', mockCredentials.service.header())
      .send(report);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'api',
      reporter: 'external:test-service',
    });
    const listed = await request(server)
      .get(
        '/api/itsm/incidents?entityRef=component:default/payments-api&status=new,acknowledged&priority=P1,P2',
      )
      .set('Authorization', mockCredentials.service.header());
    expect(listed.body.error?.message).toBeUndefined();
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
  });

  it('tells modules about committed incident events, and survives a failing listener', async () => {
    const received: string[] = [];
    const listenerModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-listeners',
      register(reg) {
        reg.registerInit({
          deps: { events: itsmIncidentEventsExtensionPoint },
          async init({ events }) {
            events.addListener(
              {
                id: 'recorder',
                onIncidentEvent: async e => {
                  received.push(
                    `${e.type} ${e.incident.ref} ${e.incident.status}`,
                  );
                },
              },
              {
                id: 'broken',
                onIncidentEvent: async () => {
                  throw new Error('chat is down');
                },
              },
            );
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        listenerModule,
        catalogServiceMock.factory({ entities }),
      ],
    });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    const acked = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .send({ version: 1, status: 'acknowledged' });
    expect(acked.status).toBe(200);
    await request(server)
      .post(`/api/itsm/incidents/${created.body.id}/updates`)
      .send({ message: 'Looking' });
    expect(received).toEqual([
      'incident.created INC-1001 new',
      'incident.updated INC-1001 acknowledged',
      'incident.update-posted INC-1001 acknowledged',
    ]);
  });

  it('puts SLA clocks on incidents: tier policy, recomputed on priority change and after a hold', async () => {
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            itsm: {
              sla: {
                policies: {
                  default: {
                    targets: {
                      P1: { responseMinutes: 15, resolutionMinutes: 240 },
                      P2: { responseMinutes: 30, resolutionMinutes: 480 },
                      P3: { responseMinutes: 240, resolutionMinutes: 1440 },
                      P4: { responseMinutes: 480, resolutionMinutes: 2400 },
                      P5: { responseMinutes: 960, resolutionMinutes: 4800 },
                    },
                  },
                  gold: {
                    calendar: '24x7',
                    targets: {
                      P3: { responseMinutes: 60, resolutionMinutes: 480 },
                    },
                  },
                },
              },
            },
          },
        }),
      ],
    });
    const minutesAfter = (iso: string, start: string) =>
      (Date.parse(iso) - Date.parse(start)) / 60_000;

    const p2 = await request(server).post('/api/itsm/incidents').send(report);
    expect(p2.body.sla).toMatchObject({
      policy: 'default',
      paused: false,
      response: { targetMinutes: 30, calendar: '24x7', state: 'running' },
      resolution: { targetMinutes: 480, calendar: '24x7', state: 'running' },
    });
    expect(minutesAfter(p2.body.sla.response.dueAt, p2.body.detectedAt)).toBe(
      30,
    );

    const p1 = await request(server)
      .patch(`/api/itsm/incidents/${p2.body.id}`)
      .send({ version: 1, urgency: 'high' });
    expect(p1.body.sla.response.targetMinutes).toBe(15);
    expect(minutesAfter(p1.body.sla.resolution.dueAt, p1.body.detectedAt)).toBe(
      240,
    );

    const gold = await request(server)
      .post('/api/itsm/incidents')
      .send({
        ...report,
        affectedServices: ['component:default/gold-api'],
        impact: 'medium',
      });
    expect(gold.body.priority).toBe('P3');
    expect(gold.body.sla).toMatchObject({
      policy: 'gold',
      response: { targetMinutes: 60, calendar: '24x7' },
    });

    // A hold pushes the resolution due time out by the time spent on hold
    const url = `/api/itsm/incidents/${gold.body.id}`;
    let version = gold.body.version;
    for (const status of ['acknowledged', 'in_progress', 'on_hold']) {
      version = (await request(server).patch(url).send({ version, status }))
        .body.version;
    }
    const held = await request(server).get(url);
    expect(held.body.sla).toMatchObject({
      paused: true,
      resolution: { state: 'paused' },
    });
    await new Promise(r => setTimeout(r, 50));
    const resumed = await request(server)
      .patch(url)
      .send({ version, status: 'in_progress' });
    expect(resumed.body.sla.paused).toBe(false);
    expect(Date.parse(resumed.body.sla.resolution.dueAt)).toBeGreaterThan(
      Date.parse(gold.body.sla.resolution.dueAt),
    );
    const timeline = await request(server).get(`${url}/timeline`);
    expect(timeline.body.items.at(-1)).toMatchObject({
      type: 'sla_recomputed',
      message: expect.stringMatching(/resumed after hold/),
    });

    const compliance = await request(server).get(
      '/api/itsm/sla/compliance?entityRef=component:default/gold-api&groupBy=priority',
    );
    expect(compliance.status).toBe(200);
    expect(compliance.body.response).toEqual({
      met: 0,
      breached: 0,
      compliance: null,
    });
    const bad = await request(server).get(
      '/api/itsm/sla/compliance?groupBy=week',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/groupBy/);
  });

  it('fails start-up on bad SLA config, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          itsmPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.rootConfig.factory({
            data: {
              itsm: {
                sla: { calendars: { business: { timezone: 'Mars/Olympus' } } },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/itsm\.sla\.calendars\.business\.timezone/);
  });

  it('recomputes the priority when impact or urgency change, and says so on the timeline', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const changed = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .send({ version: 1, urgency: 'high' });
    expect(changed.body).toMatchObject({ priority: 'P1', urgency: 'high' });
    const timeline = await request(server).get(
      `/api/itsm/incidents/${created.body.id}/timeline`,
    );
    expect(timeline.body.items[1]).toMatchObject({
      type: 'fields_changed',
      before: { urgency: 'medium', priority: 'P2' },
      after: { urgency: 'high', priority: 'P1' },
    });
  });

  it.each([
    ['missing title', { ...report, title: undefined }, /title/],
    ['impact "huge"', { ...report, impact: 'huge' }, /impact/],
    [
      'unknown entity',
      { ...report, affectedServices: ['component:default/nope'] },
      /affectedServices\[0\]: unknown entity component:default\/nope/,
    ],
    [
      'unknown category',
      { ...report, category: 'weather' },
      /category "weather"/,
    ],
    [
      'assignee that is a group',
      { ...report, assignee: 'group:default/payments-team' },
      /assignee: .* must be a user entity/,
    ],
  ])('answers 400 naming the field for %s', async (_name, body, message) => {
    const server = await startBackend();
    const res = await request(server).post('/api/itsm/incidents').send(body);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    const list = await request(server).get('/api/itsm/incidents');
    expect(list.body.items).toEqual([]);
  });

  it('refuses an illegal transition, naming the allowed ones', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const res = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .send({ version: 1, status: 'closed' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'status: Cannot move an incident from new to closed; allowed from new: acknowledged, cancelled',
    );
  });

  it('answers 409 on a stale version and changes nothing', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const url = `/api/itsm/incidents/${created.body.id}`;
    await request(server)
      .patch(url)
      .send({ version: 1, title: 'First writer' });
    const stale = await request(server)
      .patch(url)
      .send({ version: 1, title: 'Second writer' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toMatch(/changed by someone else/);
    const current = await request(server).get(url);
    expect(current.body).toMatchObject({ title: 'First writer', version: 2 });

    const noVersion = await request(server).patch(url).send({ title: 'x' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toMatch(/version is required/);
  });

  it('answers 404 for an unknown incident', async () => {
    const server = await startBackend();
    for (const res of [
      await request(server).get('/api/itsm/incidents/INC-4040'),
      await request(server)
        .patch('/api/itsm/incidents/INC-4040')
        .send({ version: 1 }),
      await request(server).get(
        '/api/itsm/incidents/00000000-0000-4000-8000-000000000000/timeline',
      ),
    ]) {
      expect(res.status).toBe(404);
    }
  });

  it('answers 400 for bad list parameters', async () => {
    const server = await startBackend();
    const bad = [
      { status: 'open' },
      { priority: 'P9' },
      { from: 'yesterday' },
      { limit: 501 },
      { cursor: 'not-a-cursor' },
    ];
    for (const query of bad) {
      const res = await request(server).get('/api/itsm/incidents').query(query);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(Object.keys(query)[0]);
    }
  });

  it('refuses every route when the permission policy denies', async () => {
    const denyAll = await startBackend(AuthorizeResult.DENY);
    const refused = await request(denyAll)
      .post('/api/itsm/incidents')
      .send(report);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/itsm.incident.create/);

    // A policy that lets you report incidents but not read or change them
    const createOnly = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === 'itsm.incident.create'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        createOnly.factory,
      ],
    });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    const url = `/api/itsm/incidents/${created.body.id}`;
    const responses = [
      await request(server).get('/api/itsm/incidents'),
      await request(server).get(url),
      await request(server)
        .patch(url)
        .send({ version: 1, status: 'acknowledged' }),
      await request(server).post(`${url}/updates`).send({ message: 'hello' }),
      await request(server).get(`${url}/timeline`),
      await request(server).get(
        '/api/itsm/entities/component/default/payments-api/summary',
      ),
    ];
    expect(responses.map(r => r.status)).toEqual([
      403, 403, 403, 403, 403, 403,
    ]);
  });

  it('filters lists by conditional decisions of the policy', async () => {
    const conditional = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async requests =>
        requests.map(() => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'HAS_AFFECTED_SERVICE',
            resourceType: 'itsm-incident',
            params: { entityRefs: ['component:default/ledger'] },
          },
        })) as any,
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        conditional.factory,
      ],
    });
    const visible = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const hidden = await request(server)
      .post('/api/itsm/incidents')
      .send({
        ...report,
        affectedServices: ['component:default/payments-api'],
      });
    const list = await request(server).get('/api/itsm/incidents');
    expect(list.body.items.map((i: any) => i.id)).toEqual([visible.body.id]);
    expect(
      (await request(server).get(`/api/itsm/incidents/${hidden.body.id}`))
        .status,
    ).toBe(403);
    expect(
      (await request(server).get(`/api/itsm/incidents/${visible.body.id}`))
        .status,
    ).toBe(200);
  });
});
