import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startBackend as startOnCallBackend } from './__testUtils__/oncallBackend';
import { itsmPlugin } from './plugin';

jest.setTimeout(30_000);

// The home page's two reads: "my shifts" across schedules, and the open
// incidents of the services my groups own.

describe('GET /oncall/shifts', () => {
  const daily = (name: string, users: string[]) => ({
    name,
    users,
    rotation: { type: 'daily' },
    handoffTime: '09:00',
    startDate: '2026-01-01',
  });
  // Alice and bob alternate daily on primary (bob from Nov 20, 09:00 Paris);
  // bob alone is secondary; ivan takes Friday evening's primary
  const schedule = {
    name: 'payments-oncall',
    ownerGroup: 'payments-team',
    timezone: 'Europe/Paris',
    layers: [daily('primary', ['alice', 'bob']), daily('secondary', ['bob'])],
    overrides: [
      {
        layer: 'primary',
        user: 'ivan',
        from: '2026-11-20T18:00:00Z',
        to: '2026-11-21T08:00:00Z',
      },
    ],
  };
  const window = { from: '2026-11-20T00:00:00Z', to: '2026-11-23T00:00:00Z' };
  const shifts = (body: any) =>
    body.items.map((s: any) => [s.layer, s.from, s.to, s.source]);

  it("lists one person's shifts across layers and schedules, the one in progress first", async () => {
    const server = await startOnCallBackend();
    const created = await request(server)
      .post('/api/itsm/schedules')
      .send(schedule);
    expect(created.status).toBe(201);
    await request(server)
      .post('/api/itsm/schedules')
      .send({
        name: 'sre-oncall',
        ownerGroup: 'sre',
        timezone: 'UTC',
        layers: [daily('primary', ['alice'])],
      })
      .expect(201);

    const bob = await request(server)
      .get('/api/itsm/oncall/shifts')
      .query({ user: 'user:default/bob', ...window });
    expect(bob.status).toBe(200);
    expect(bob.body).toMatchObject({
      from: '2026-11-20T00:00:00.000Z',
      to: '2026-11-23T00:00:00.000Z',
    });
    expect(bob.body.items[0]).toMatchObject({
      scheduleId: created.body.id,
      scheduleName: 'payments-oncall',
      ownerGroup: 'group:default/payments-team',
    });
    // Secondary alone: one duty over the whole window
    expect(shifts(bob.body)).toEqual([
      [
        'secondary',
        '2026-11-20T00:00:00.000Z',
        '2026-11-23T00:00:00.000Z',
        'rotation',
      ],
      [
        'primary',
        '2026-11-20T08:00:00.000Z',
        '2026-11-20T18:00:00.000Z',
        'rotation',
      ],
      [
        'primary',
        '2026-11-22T08:00:00.000Z',
        '2026-11-23T00:00:00.000Z',
        'rotation',
      ],
    ]);

    const ivan = await request(server)
      .get('/api/itsm/oncall/shifts')
      .query({ user: 'ivan', ...window });
    expect(shifts(ivan.body)).toEqual([
      [
        'primary',
        '2026-11-20T18:00:00.000Z',
        '2026-11-21T08:00:00.000Z',
        'override',
      ],
    ]);

    // Alice is on two schedules
    const alice = await request(server)
      .get('/api/itsm/oncall/shifts')
      .query({ user: 'user:default/alice', ...window });
    expect(
      alice.body.items.map((s: any) => `${s.scheduleName} ${s.from}`),
    ).toEqual([
      'payments-oncall 2026-11-20T00:00:00.000Z',
      'sre-oncall 2026-11-20T00:00:00.000Z',
      'payments-oncall 2026-11-21T08:00:00.000Z',
    ]);

    const nobody = await request(server)
      .get('/api/itsm/oncall/shifts')
      .query({ user: 'user:default/carol', ...window });
    expect(nobody.body.items).toEqual([]);
  });

  it('looks 14 days ahead from now by default, and refuses bad windows naming the field', async () => {
    const server = await startOnCallBackend();
    const byDefault = await request(server)
      .get('/api/itsm/oncall/shifts')
      .query({ user: 'user:default/bob' });
    expect(byDefault.status).toBe(200);
    expect(
      Date.parse(byDefault.body.to) - Date.parse(byDefault.body.from),
    ).toBe(14 * 24 * 3600_000);
    expect(Math.abs(Date.parse(byDefault.body.from) - Date.now())).toBeLessThan(
      60_000,
    );

    const refusals = await Promise.all(
      [
        {},
        { user: 'component:default/payments-api' },
        { user: 'bob', from: '2026-11-20', to: '2026-12-31' },
        { user: 'bob', from: '2026-11-20', to: '2026-11-19' },
        { user: 'bob', from: 'yesterday' },
      ].map(query =>
        request(server).get('/api/itsm/oncall/shifts').query(query),
      ),
    );
    expect(refusals.map(r => r.status)).toEqual([400, 400, 400, 400, 400]);
    expect(refusals[1].body.error.message).toMatch(/^user: /);
    expect(refusals[2].body.error.message).toMatch(/^to: .*31 days/);
    expect(refusals[3].body.error.message).toMatch(/^to: must be after from/);
    expect(refusals[4].body.error.message).toMatch(/^from/);
  });
});

describe('GET /services/open-incidents', () => {
  const component = (name: string, owner: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', title: `${name} title` },
    spec: { type: 'service', owner },
    relations: [{ type: 'ownedBy', targetRef: owner }],
  });
  const group = (name: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [] },
  });
  const entities = [
    component('payments-api', 'group:default/payments-team'),
    component('checkout', 'group:default/payments-team'),
    component('ledger', 'group:default/sre'),
    component('search', 'group:default/search-team'),
    group('payments-team'),
    group('sre'),
    group('search-team'),
  ];

  /** Incidents on payments-api only are readable when `conditional`. */
  async function backendWithIncidents(conditional = false) {
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async requests =>
        requests.map(({ permission }) =>
          conditional && permission.name === 'itsm.incident.read'
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'itsm',
                resourceType: 'itsm-incident',
                conditions: {
                  rule: 'HAS_AFFECTED_SERVICE',
                  resourceType: 'itsm-incident',
                  params: { entityRefs: ['component:default/payments-api'] },
                },
              }
            : { result: AuthorizeResult.ALLOW },
        ) as any,
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        permissions.factory,
      ],
    });
    const report = async (service: string, impact: string, urgency: string) => {
      const res = await request(server)
        .post('/api/itsm/incidents')
        .send({
          title: `${service} failing`,
          affectedServices: [`component:default/${service}`],
          category: 'availability',
          impact,
          urgency,
        });
      expect(res.status).toBe(201);
      return res.body;
    };
    await report('payments-api', 'low', 'medium'); // P4
    await report('payments-api', 'high', 'high'); // P1
    await report('payments-api', 'medium', 'medium'); // P3
    await report('ledger', 'medium', 'medium'); // P3
    await report('ledger', 'medium', 'medium'); // P3
    await report('search', 'high', 'high'); // another team's
    const cancelled = await report('ledger', 'high', 'high');
    await request(server)
      .patch(`/api/itsm/incidents/${cancelled.id}`)
      .send({ version: cancelled.version, status: 'cancelled' })
      .expect(200);
    return server;
  }

  it("counts the open incidents of the owners' services per priority, worst first", async () => {
    const server = await backendWithIncidents();
    const res = await request(server)
      .get('/api/itsm/services/open-incidents')
      .query({ owner: 'user:default/guest,group:default/sre,payments-team' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      serviceCount: 3,
      items: [
        {
          entityRef: 'component:default/payments-api',
          title: 'payments-api title',
          owner: 'group:default/payments-team',
          openCount: 3,
          openByPriority: { P1: 1, P2: 0, P3: 1, P4: 1, P5: 0 },
        },
        {
          entityRef: 'component:default/ledger',
          title: 'ledger title',
          owner: 'group:default/sre',
          openCount: 2,
          openByPriority: { P1: 0, P2: 0, P3: 2, P4: 0, P5: 0 },
        },
      ],
    });

    const nothingOwned = await request(server)
      .get('/api/itsm/services/open-incidents')
      .query({ owner: 'user:default/guest' });
    expect(nothingOwned.body).toEqual({ serviceCount: 0, items: [] });
  });

  it('counts only the incidents the caller may read', async () => {
    const server = await backendWithIncidents(true);
    const res = await request(server)
      .get('/api/itsm/services/open-incidents')
      .query({ owner: 'group:default/sre,group:default/payments-team' });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: any) => [s.entityRef, s.openCount])).toEqual([
      ['component:default/payments-api', 3],
    ]);
  });

  it('refuses a missing or malformed owner, naming it', async () => {
    const { server } = await startTestBackend({
      features: [itsmPlugin, catalogServiceMock.factory({ entities })],
    });
    const missing = await request(server).get(
      '/api/itsm/services/open-incidents',
    );
    expect(missing.status).toBe(400);
    const malformed = await request(server)
      .get('/api/itsm/services/open-incidents')
      .query({ owner: 'group:default/sre,group:' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^owner\[1\]: /);
    const tooMany = await request(server)
      .get('/api/itsm/services/open-incidents')
      .query({
        owner: Array.from({ length: 51 }, (_, i) => `group:default/g${i}`).join(
          ',',
        ),
      });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/^owner: at most 50/);
  });
});
