import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  createBackendModule,
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  itsmOnCallManagePermission,
  OnCallLayer,
} from '@openitsm/backstage-plugin-itsm-common';
import { itsmOnCallProvidersExtensionPoint } from '@openitsm/backstage-plugin-itsm-node';
import request from 'supertest';
import { itsmPlugin } from './plugin';

jest.setTimeout(30_000);

const entities: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: { owner: 'payments-team', type: 'service' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'ledger',
      namespace: 'default',
      annotations: { 'openitsm.io/oncall-schedule': 'sre-oncall' },
    },
    spec: { owner: 'payments-team', type: 'service' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'paged-elsewhere',
      namespace: 'default',
      annotations: { 'example.com/pager': 'P123' },
    },
    spec: { owner: 'payments-team' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'sre', namespace: 'default' },
    spec: { type: 'team', children: [] },
  },
  ...['alice', 'bob', 'ivan'].map(
    (name): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'User',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'openitsm.io/chat': `https://chat.example.com/@${name}`,
        },
      },
      spec: {
        profile: {
          displayName: name.toUpperCase(),
          email: `${name}@example.com`,
        },
      },
    }),
  ),
];

const layer = (name: string, users: string[]): OnCallLayer => ({
  name,
  users,
  rotation: { type: 'daily' },
  handoffTime: '09:00',
  startDate: '2026-01-01',
});

const paymentsSchedule = {
  name: 'payments-oncall',
  ownerGroup: 'payments-team',
  timezone: 'Europe/Paris',
  layers: [layer('primary', ['alice', 'bob']), layer('secondary', ['bob'])],
};

async function start(features: any[] = []) {
  const { server } = await startTestBackend({
    features: [
      itsmPlugin,
      catalogServiceMock.factory({ entities }),
      ...features,
    ],
  });
  return server;
}

describe('on-call over HTTP', () => {
  it('manages schedules with validation naming the field, and versions', async () => {
    const server = await start();
    const created = await request(server)
      .post('/api/itsm/schedules')
      .send(paymentsSchedule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'payments-oncall',
      ownerGroup: 'group:default/payments-team',
      version: 1,
    });
    expect(created.body.layers[0].users).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);

    const badZone = await request(server)
      .post('/api/itsm/schedules')
      .send({ ...paymentsSchedule, name: 'x', timezone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.message).toMatch(/^timezone: /);

    const unknownUser = await request(server)
      .post('/api/itsm/schedules')
      .send({
        ...paymentsSchedule,
        name: 'y',
        layers: [layer('primary', ['alice', 'nobody'])],
      });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.error.message).toMatch(
      /layers\[0\]\.users\[1\]: unknown entity user:default\/nobody/,
    );

    const duplicate = await request(server)
      .post('/api/itsm/schedules')
      .send(paymentsSchedule);
    expect(duplicate.status).toBe(409);

    const override = {
      layer: 'primary',
      user: 'ivan',
      from: '2026-11-20T18:00:00Z',
      to: '2026-11-21T08:00:00Z',
      reason: 'I take Friday night',
    };
    const patched = await request(server)
      .patch(`/api/itsm/schedules/${created.body.id}`)
      .send({ version: 1, overrides: [override] });
    expect(patched.status).toBe(200);
    expect(patched.body.overrides).toEqual([
      {
        ...override,
        user: 'user:default/ivan',
        from: '2026-11-20T18:00:00.000Z',
        to: '2026-11-21T08:00:00.000Z',
      },
    ]);
    const stale = await request(server)
      .patch(`/api/itsm/schedules/${created.body.id}`)
      .send({ version: 1, timezone: 'UTC' });
    expect(stale.status).toBe(409);

    const badOverride = await request(server)
      .patch(`/api/itsm/schedules/payments-oncall`)
      .send({ version: 2, overrides: [{ ...override, layer: 'tertiary' }] });
    expect(badOverride.status).toBe(400);
    expect(badOverride.body.error.message).toMatch(/^overrides\[0\]\.layer/);

    const listed = await request(server)
      .get('/api/itsm/schedules')
      .query({ ownerGroup: 'payments-team' });
    expect(listed.body.items.map((s: any) => s.name)).toEqual([
      'payments-oncall',
    ]);
    expect((await request(server).get('/api/itsm/schedules/nope')).status).toBe(
      404,
    );
  });

  it("answers who is on call for a service from its owner group's policy, with contacts", async () => {
    const server = await start();
    await request(server).post('/api/itsm/schedules').send(paymentsSchedule);
    const policy = await request(server)
      .put('/api/itsm/escalation-policies/default/payments-team')
      .send({
        levels: [
          {
            afterMinutes: 0,
            targets: [{ type: 'schedule', schedule: 'payments-oncall' }],
          },
          {
            afterMinutes: 20,
            targets: [
              {
                type: 'schedule',
                schedule: 'payments-oncall',
                layer: 'secondary',
              },
              { type: 'group', groupRef: 'sre' },
            ],
          },
        ],
        reassignOnBreach: true,
      });
    expect(policy.status).toBe(200);
    expect(policy.body.levels[1].targets[1]).toEqual({
      type: 'group',
      groupRef: 'group:default/sre',
    });

    // 2026-11-20 is day 323 of the rotation from 2026-01-01 09:00 Paris:
    // odd days are bob's, even days alice's.
    const at = '2026-11-20T12:00:00.000Z';
    const oncall = await request(server)
      .get('/api/itsm/oncall')
      .query({ entityRef: 'component:default/payments-api', at });
    expect(oncall.status).toBe(200);
    expect(oncall.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      source: 'itsm',
      ownerGroup: 'group:default/payments-team',
      scheduleName: 'payments-oncall',
      at,
    });
    expect(oncall.body.levels).toHaveLength(2);
    const [first, second] = oncall.body.levels;
    expect(first.level).toBe(1);
    expect(first.name).toBe('payments-oncall primary (paged first)');
    expect(second.name).toBe('payments-oncall secondary (after 20 min)');
    expect(first.until).toBe('2026-11-21T08:00:00.000Z');
    expect(first.people).toHaveLength(1);
    expect(first.people[0]).toMatchObject({
      email: expect.stringMatching(/@example\.com$/),
      chatUrl: expect.stringMatching(/^https:\/\/chat\.example\.com\/@/),
    });
    expect(first.next.person.userRef).not.toBe(first.people[0].userRef);
    expect(second.people.map((p: any) => p.displayName)).toEqual([
      'BOB',
      'sre',
    ]);

    const stale = await request(server)
      .put('/api/itsm/escalation-policies/default/payments-team')
      .send({ version: 5, levels: [] });
    expect(stale.status).toBe(409);
    const badLevels = await request(server)
      .put('/api/itsm/escalation-policies/default/payments-team')
      .send({
        version: 1,
        levels: [
          { afterMinutes: 10, targets: [{ type: 'group', groupRef: 'sre' }] },
          { afterMinutes: 5, targets: [{ type: 'group', groupRef: 'sre' }] },
        ],
      });
    expect(badLevels.status).toBe(400);
    expect(badLevels.body.error.message).toMatch(/^levels\[1\]\.afterMinutes/);
    const missingSchedule = await request(server)
      .put('/api/itsm/escalation-policies/default/sre')
      .send({
        levels: [
          {
            afterMinutes: 0,
            targets: [{ type: 'schedule', schedule: 'nope' }],
          },
        ],
      });
    expect(missingSchedule.status).toBe(400);
    expect(missingSchedule.body.error.message).toMatch(
      /^levels\[0\]\.targets\[0\]\.schedule: there is no on-call schedule named "nope"/,
    );
  });

  it('follows the oncall-schedule annotation, and says so when nothing covers a service', async () => {
    const server = await start();
    const empty = await request(server)
      .get('/api/itsm/oncall')
      .query({ entityRef: 'component:default/payments-api' });
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ source: 'itsm', levels: [] });

    await request(server)
      .post('/api/itsm/schedules')
      .send({
        name: 'sre-oncall',
        ownerGroup: 'sre',
        timezone: 'UTC',
        layers: [layer('primary', ['ivan'])],
      });
    const annotated = await request(server)
      .get('/api/itsm/oncall')
      .query({ entityRef: 'component:default/ledger' });
    expect(annotated.body).toMatchObject({
      scheduleName: 'sre-oncall',
      ownerGroup: 'group:default/sre',
      levels: [
        {
          level: 1,
          name: 'primary',
          people: [{ userRef: 'user:default/ivan', displayName: 'IVAN' }],
        },
      ],
    });

    const missing = await request(server).get('/api/itsm/oncall');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/entityRef/);
    const unknown = await request(server)
      .get('/api/itsm/oncall')
      .query({ entityRef: 'component:default/nope' });
    expect(unknown.status).toBe(404);
  });

  it('assigns new incidents to the owner group and its current on-call', async () => {
    const server = await start();
    await request(server)
      .post('/api/itsm/schedules')
      .send({ ...paymentsSchedule, layers: [layer('primary', ['bob'])] });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send({
        title: 'Card payments failing',
        affectedServices: ['payments-api'],
        category: 'availability',
        impact: 'high',
        urgency: 'high',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      assignedGroup: 'group:default/payments-team',
      assignee: 'user:default/bob',
    });
    const timeline = await request(server).get(
      `/api/itsm/incidents/${created.body.id}/timeline`,
    );
    expect(timeline.body.items.map((e: any) => e.message)).toContain(
      'Assigned automatically (owner and on-call) to group:default/payments-team / user:default/bob',
    );

    const explicit = await request(server)
      .post('/api/itsm/incidents')
      .send({
        title: 'Ledger slow',
        affectedServices: ['payments-api'],
        category: 'performance',
        impact: 'low',
        urgency: 'low',
        assignee: 'alice',
      });
    expect(explicit.body.assignee).toBe('user:default/alice');
    expect(explicit.body.assignedGroup).toBeUndefined();
  });

  it('asks module providers first, for the entities they cover', async () => {
    const pagerModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-pager',
      register(reg) {
        reg.registerInit({
          deps: { providers: itsmOnCallProvidersExtensionPoint },
          async init({ providers }) {
            providers.addProvider({
              id: 'test-pager',
              async getOnCall({ entity }) {
                if (!entity.metadata.annotations?.['example.com/pager']) {
                  return undefined;
                }
                return {
                  source: 'test-pager',
                  scheduleName: 'Payments escalation',
                  levels: [
                    {
                      level: 1,
                      name: 'Level 1',
                      people: [{ displayName: 'Pat Pager' }],
                    },
                  ],
                };
              },
            });
          },
        });
      },
    });
    const server = await start([pagerModule]);
    const paged = await request(server)
      .get('/api/itsm/oncall')
      .query({ entityRef: 'component:default/paged-elsewhere' });
    expect(paged.body).toMatchObject({
      source: 'test-pager',
      entityRef: 'component:default/paged-elsewhere',
      levels: [{ people: [{ displayName: 'Pat Pager' }] }],
    });
    const builtIn = await request(server)
      .get('/api/itsm/oncall')
      .query({ entityRef: 'component:default/payments-api' });
    expect(builtIn.body.source).toBe('itsm');
  });

  it("lets a policy restrict management to the owner group's members", async () => {
    // Members of sre may manage sre's on-call only (IS_OWNED_BY_GROUP).
    const policy = createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => {
        const base = mockServices.permissions();
        return {
          ...base,
          async authorizeConditional(requests: any[]) {
            return requests.map(
              ({ permission }): PolicyDecision =>
                isPermission(permission, itsmOnCallManagePermission)
                  ? {
                      result: AuthorizeResult.CONDITIONAL,
                      pluginId: 'itsm',
                      resourceType: 'itsm-oncall',
                      conditions: {
                        rule: 'IS_OWNED_BY_GROUP',
                        resourceType: 'itsm-oncall',
                        params: { claims: ['group:default/sre'] },
                      },
                    }
                  : { result: AuthorizeResult.ALLOW },
            );
          },
        };
      },
    });
    const server = await start([policy]);
    const refused = await request(server)
      .post('/api/itsm/schedules')
      .send(paymentsSchedule);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /not allowed to manage the on-call of group:default\/payments-team \(itsm\.oncall\.manage\)/,
    );
    const allowed = await request(server)
      .post('/api/itsm/schedules')
      .send({ ...paymentsSchedule, name: 'sre-oncall', ownerGroup: 'sre' });
    expect(allowed.status).toBe(201);
  });

  it('refuses everything to a policy that denies', async () => {
    const server = await start([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    expect(
      (
        await request(server)
          .get('/api/itsm/oncall')
          .query({ entityRef: 'component:default/payments-api' })
      ).status,
    ).toBe(403);
    expect((await request(server).get('/api/itsm/schedules')).status).toBe(403);
    expect(
      (await request(server).post('/api/itsm/schedules').send(paymentsSchedule))
        .status,
    ).toBe(403);
  });
});
