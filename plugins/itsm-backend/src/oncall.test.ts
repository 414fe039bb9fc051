import { createBackendModule } from '@backstage/backend-plugin-api';
import { itsmOnCallProvidersExtensionPoint } from '@openitsm/backstage-plugin-itsm-node';
import request from 'supertest';
import {
  layer,
  paymentsSchedule,
  startBackend,
} from './__testUtils__/oncallBackend';

jest.setTimeout(30_000);

describe('on-call over HTTP', () => {
  it("answers who is on call for a service from its owner group's policy, with contacts", async () => {
    const server = await startBackend();
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
      .send({
        version: 5,
        levels: [
          { afterMinutes: 0, targets: [{ type: 'group', groupRef: 'sre' }] },
        ],
      });
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
    const server = await startBackend();
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
    const server = await startBackend([pagerModule]);
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

  it('refuses a policy without levels and a layer without users, naming the field', async () => {
    const server = await startBackend();
    const noLevels = await request(server)
      .put('/api/itsm/escalation-policies/default/payments-team')
      .send({ levels: [] });
    expect(noLevels.status).toBe(400);
    expect(noLevels.body.error.message).toMatch(
      /^levels: name at least one level/,
    );
    const noUsers = await request(server)
      .post('/api/itsm/schedules')
      .send({
        ...paymentsSchedule,
        layers: [layer('primary', ['alice']), layer('secondary', [])],
      });
    expect(noUsers.status).toBe(400);
    expect(noUsers.body.error.message).toMatch(
      /layers\[1\]\.users: name at least one user to rotate/,
    );
    const feb30 = await request(server)
      .post('/api/itsm/schedules')
      .send({
        ...paymentsSchedule,
        overrides: [
          {
            layer: 'primary',
            user: 'bob',
            from: '2026-02-30T00:00:00Z',
            to: '2026-03-03T00:00:00Z',
          },
        ],
      });
    expect(feb30.status).toBe(400);
    expect(feb30.body.error.message).toMatch(/overrides\[0\]\.from/);
  });
});
