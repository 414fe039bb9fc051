import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { createTestDatabases } from './__testUtils__/testDatabases';
import {
  asUser,
  recipientsOf,
  startMajorBackend,
} from './__testUtils__/majorIncidentsBackend';

jest.setTimeout(120_000);

const databases = createTestDatabases();
const MOCK = 'user:default/mock';

const p1OnLedger = {
  title: 'Ledger writes failing',
  description: 'Every posting times out',
  affectedServices: ['component:default/ledger'],
  category: 'availability',
  impact: 'high',
  urgency: 'high',
};

describe.each(databases.eachSupportedId())(
  'major incidents over HTTP on %p',
  databaseId => {
    it('declares, staffs the cell, informs stakeholders once each, shows the status page and withdraws', async () => {
      const knex = await databases.init(databaseId);
      const { server, sent } = await startMajorBackend(knex);
      const api = (path: string) => `/api/itsm${path}`;

      // On call for payments-team: alice, then carol
      const schedule = await request(server)
        .post(api('/schedules'))
        .send({
          name: 'payments',
          ownerGroup: 'payments-team',
          timezone: 'UTC',
          layers: [
            {
              name: 'primary',
              users: ['alice'],
              rotation: { type: 'daily' },
              handoffTime: '09:00',
              startDate: '2026-01-01',
            },
            {
              name: 'secondary',
              users: ['carol'],
              rotation: { type: 'daily' },
              handoffTime: '09:00',
              startDate: '2026-01-01',
            },
          ],
        });
      expect(schedule.status).toBe(201);

      const created = await request(server)
        .post(api('/incidents'))
        .send(p1OnLedger);
      expect(created.status).toBe(201);
      const ref = created.body.ref;

      // Proposed (P1, gold tier) with its blast radius from the catalog
      const before = await request(server).get(api(`/incidents/${ref}/major`));
      expect(before.status).toBe(200);
      expect(before.body).toMatchObject({
        major: false,
        proposal: {
          proposed: true,
          reasons: [
            'priority P1',
            'component:default/ledger is in the critical tier gold',
          ],
        },
        availableRoles: expect.arrayContaining(['commander', 'communications']),
      });
      expect(before.body.blastRadius).toEqual({
        depth: 3,
        services: [
          {
            entityRef: 'component:default/payments-api',
            title: 'payments-api',
            depth: 1,
            via: 'component:default/ledger',
            system: 'system:default/payments',
            owner: 'group:default/payments-team',
          },
          {
            entityRef: 'component:default/checkout-web',
            title: 'checkout-web',
            depth: 2,
            via: 'component:default/payments-api',
            system: 'system:default/storefront',
            owner: 'group:default/checkout-team',
          },
        ],
        systems: ['system:default/payments', 'system:default/storefront'],
      });

      // Declare
      const declared = await request(server)
        .post(api(`/incidents/${ref}/major`))
        .send({ reason: 'Payments down for all customers' });
      expect(declared.status).toBe(200);
      expect(declared.body).toMatchObject({
        major: true,
        declaredBy: MOCK,
        reason: 'Payments down for all customers',
        cadenceMinutes: 30,
        proposal: { proposed: false },
      });
      expect(
        Date.parse(declared.body.nextUpdateDueAt) -
          Date.parse(declared.body.declaredAt),
      ).toBe(30 * 60_000);
      expect(
        declared.body.subscribers.map((s: any) => [s.ref, s.source]),
      ).toEqual([
        ['group:default/payments-team', 'owner'],
        ['group:default/checkout-team', 'dependent_owner'],
        ['group:default/management', 'management'],
      ]);
      // Paged: on call at every level; told: owners and management, once
      expect(sent.map(n => [n.payload.severity, recipientsOf(n)])).toEqual([
        ['critical', ['user:default/alice', 'user:default/carol']],
        ['high', ['user:default/bob', 'user:default/erin']],
      ]);
      expect(
        (await request(server).get(api(`/incidents/${ref}`))).body,
      ).toMatchObject({ major: true, version: 2 });
      const again = await request(server)
        .post(api(`/incidents/${ref}/major`))
        .send({ reason: 'twice' });
      expect(again.status).toBe(409);

      // The crisis cell
      const unknownUser = await request(server)
        .put(api(`/incidents/${ref}/roles`))
        .send({
          roles: [
            { role: 'commander', userRef: 'alice' },
            { role: 'communications', userRef: 'nobody' },
          ],
        });
      expect(unknownUser.status).toBe(400);
      expect(unknownUser.body.error.message).toBe(
        'roles[1].userRef: unknown entity user:default/nobody; it is not in the catalog',
      );
      const unknownRole = await request(server)
        .put(api(`/incidents/${ref}/roles`))
        .send({ roles: [{ role: 'chef', userRef: 'alice' }] });
      expect(unknownRole.status).toBe(400);
      expect(unknownRole.body.error.message).toMatch(
        /^roles\[0\]\.role: unknown role "chef"/,
      );
      const badLink = await request(server)
        .put(api(`/incidents/${ref}/roles`))
        .send({ roles: [], bridgeUrl: 'ftp://example.com/bridge' });
      expect(badLink.status).toBe(400);
      const cell = await request(server)
        .put(api(`/incidents/${ref}/roles`))
        .send({
          roles: [
            { role: 'commander', userRef: 'alice' },
            { role: 'communications', userRef: 'user:default/bob' },
          ],
          bridgeUrl: 'https://meet.example.com/ledger',
        });
      expect(cell.status).toBe(200);
      expect(cell.body.roles).toEqual([
        {
          role: 'commander',
          userRef: 'user:default/alice',
          displayName: 'ALICE',
          email: 'alice@example.com',
        },
        {
          role: 'communications',
          userRef: 'user:default/bob',
          displayName: 'BOB',
          email: 'bob@example.com',
        },
      ]);
      expect(cell.body.bridgeUrl).toBe('https://meet.example.com/ledger');

      // Subscribe myself, and bob (already in two subscribed groups)
      const me = await request(server)
        .post(api(`/incidents/${ref}/subscribers`))
        .send({});
      expect(me.status).toBe(201);
      await request(server)
        .post(api(`/incidents/${ref}/subscribers`))
        .send({ subscriber: 'bob' })
        .expect(201);
      const unknown = await request(server)
        .post(api(`/incidents/${ref}/subscribers`))
        .send({ subscriber: 'group:default/ghosts' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.message).toMatch(/^subscriber: unknown entity/);

      // A stakeholder update: one notification per person
      sent.length = 0;
      const update = await request(server)
        .post(api(`/incidents/${ref}/updates`))
        .send({
          audience: 'stakeholders',
          message: 'Card payments are failing; we are failing over the ledger.',
          stage: 'identified',
          impact: 'No card payment succeeds',
          nextSteps: 'Fail over to the replica',
        });
      expect(update.status).toBe(201);
      expect(update.body).toMatchObject({
        type: 'stakeholder_update',
        after: { stage: 'identified', recipientCount: 5 },
      });
      expect(sent).toHaveLength(1);
      expect(recipientsOf(sent[0])).toEqual([
        'user:default/alice',
        'user:default/bob',
        'user:default/dave',
        'user:default/erin',
        'user:default/mock',
      ]);
      const after = await request(server).get(api(`/incidents/${ref}/major`));
      expect(after.body.updates).toHaveLength(1);
      expect(after.body.updates[0]).toMatchObject({
        message: 'Card payments are failing; we are failing over the ledger.',
        stage: 'identified',
        recipientCount: 5,
      });
      expect(
        Date.parse(after.body.nextUpdateDueAt) -
          Date.parse(after.body.lastUpdateAt),
      ).toBe(30 * 60_000);
      const late = await request(server)
        .post(api(`/incidents/${ref}/updates`))
        .send({
          audience: 'stakeholders',
          message: 'x',
          nextUpdateAt: '2001-01-01T00:00:00Z',
        });
      expect(late.status).toBe(400);
      expect(late.body.error.message).toBe(
        'nextUpdateAt must be in the future',
      );

      // An internal note goes to nobody
      sent.length = 0;
      await request(server)
        .post(api(`/incidents/${ref}/updates`))
        .send({ message: 'Replica lag 3 s' })
        .expect(201);
      expect(sent).toHaveLength(0);

      // The status page: major first, dependents degraded
      const status = await request(server).get(api('/status'));
      expect(status.status).toBe(200);
      expect(
        status.body.services.map((s: any) => [s.entityRef, s.state]),
      ).toEqual([
        ['component:default/ledger', 'major_outage'],
        ['component:default/checkout-web', 'degraded'],
        ['component:default/payments-api', 'degraded'],
        ['component:default/search', 'operational'],
      ]);
      expect(status.body.services[0].incidents[0]).toMatchObject({
        ref,
        major: true,
        latestUpdate: {
          message: 'Card payments are failing; we are failing over the ledger.',
          stage: 'identified',
        },
      });
      expect(status.body.services[1].impactedBy).toEqual([
        'component:default/ledger',
      ]);
      expect(status.body.systems).toEqual([
        {
          entityRef: 'system:default/payments',
          title: 'Payments',
          state: 'major_outage',
          serviceCount: 2,
          affectedCount: 2,
        },
        {
          entityRef: 'system:default/storefront',
          title: 'Storefront',
          state: 'degraded',
          serviceCount: 2,
          affectedCount: 1,
        },
      ]);
      expect(status.body.operationalCount).toBe(1);
      const one = await request(server)
        .get(api('/status'))
        .query({ entityRef: 'checkout-web' });
      expect(one.body.services).toHaveLength(1);
      expect(one.body.services[0].state).toBe('degraded');
      const storefront = await request(server)
        .get(api('/status'))
        .query({ system: 'storefront' });
      expect(storefront.body.services.map((s: any) => s.entityRef)).toEqual([
        'component:default/checkout-web',
        'component:default/search',
      ]);
      const bad = await request(server)
        .get(api('/status'))
        .query({ entityRef: 'component:default/nope' });
      expect(bad.status).toBe(400);

      // Withdraw
      const withdrawn = await request(server)
        .post(api(`/incidents/${ref}/major`))
        .send({ major: false, reason: 'Only the batch path is affected' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({
        major: false,
        withdrawReason: 'Only the batch path is affected',
      });
      expect(withdrawn.body.nextUpdateDueAt).toBeUndefined();
      const calm = await request(server).get(api('/status'));
      expect(calm.body.services[0]).toMatchObject({
        entityRef: 'component:default/ledger',
        state: 'incident',
      });

      const timeline = await request(server).get(
        api(`/incidents/${ref}/timeline`),
      );
      expect(timeline.body.items.map((e: any) => e.type)).toEqual(
        expect.arrayContaining([
          'major_declared',
          'roles_changed',
          'subscribers_changed',
          'stakeholder_update',
          'update',
          'major_withdrawn',
        ]),
      );
      await knex.destroy();
    });

    it('lets people subscribe to a service, and subscribes them when it has a major incident', async () => {
      const knex = await databases.init(databaseId);
      const { server, sent } = await startMajorBackend(knex);
      const api = (path: string) => `/api/itsm${path}`;
      const sub = await request(server)
        .post(api('/entities/component/default/ledger/subscribers'))
        .set('authorization', asUser('carol'))
        .send({});
      expect(sub.status).toBe(201);
      expect(sub.body.items.map((s: any) => s.ref)).toEqual([
        'user:default/carol',
      ]);
      const created = await request(server)
        .post(api('/incidents'))
        .send(p1OnLedger);
      const declared = await request(server)
        .post(api(`/incidents/${created.body.ref}/major`))
        .send({ reason: 'Ledger down' });
      expect(
        declared.body.subscribers.map((s: any) => [s.ref, s.source]),
      ).toContainEqual(['user:default/carol', 'service']);
      sent.length = 0;
      await request(server)
        .post(api(`/incidents/${created.body.ref}/updates`))
        .send({ audience: 'stakeholders', message: 'Investigating' })
        .expect(201);
      expect(recipientsOf(sent[0])).toContain('user:default/carol');
      const unsub = await request(server)
        .delete(api('/entities/component/default/ledger/subscribers'))
        .set('authorization', asUser('carol'));
      expect(unsub.status).toBe(200);
      expect(unsub.body.items).toEqual([]);
      await knex.destroy();
    });
  },
);

describe('who may act on a major incident', () => {
  it('lets the commander withdraw and staff the cell without itsm.incident.major; others get a 403', async () => {
    // Everything is allowed but itsm.incident.major, for everyone but mock
    const permissions = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async (requests, options) =>
        requests.map(({ permission }) => ({
          result:
            permission.name === 'itsm.incident.major' &&
            (options.credentials.principal as any).userEntityRef !==
              'user:default/mock'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })) as any,
    });
    const knex = await databases.init('SQLITE_3');
    const { server } = await startMajorBackend(knex, [permissions.factory]);
    const api = (path: string) => `/api/itsm${path}`;
    const created = await request(server)
      .post(api('/incidents'))
      .send(p1OnLedger);
    const ref = created.body.ref;

    const byCarol = await request(server)
      .post(api(`/incidents/${ref}/major`))
      .set('authorization', asUser('carol'))
      .send({ reason: 'Down' });
    expect(byCarol.status).toBe(403);
    expect(byCarol.body.error.message).toMatch(/itsm\.incident\.major/);

    await request(server)
      .post(api(`/incidents/${ref}/major`))
      .send({ reason: 'Down' })
      .expect(200);
    await request(server)
      .put(api(`/incidents/${ref}/roles`))
      .send({ roles: [{ role: 'commander', userRef: 'alice' }] })
      .expect(200);

    // carol: neither permission nor role
    const cellByCarol = await request(server)
      .put(api(`/incidents/${ref}/roles`))
      .set('authorization', asUser('carol'))
      .send({ roles: [] });
    expect(cellByCarol.status).toBe(403);
    const othersByCarol = await request(server)
      .post(api(`/incidents/${ref}/subscribers`))
      .set('authorization', asUser('carol'))
      .send({ subscriber: 'group:default/management' });
    expect(othersByCarol.status).toBe(403);
    // …but she may subscribe herself
    await request(server)
      .post(api(`/incidents/${ref}/subscribers`))
      .set('authorization', asUser('carol'))
      .send({})
      .expect(201);

    // alice commands: she staffs the cell and withdraws
    await request(server)
      .put(api(`/incidents/${ref}/roles`))
      .set('authorization', asUser('alice'))
      .send({
        roles: [
          { role: 'commander', userRef: 'alice' },
          { role: 'communications', userRef: 'bob' },
        ],
      })
      .expect(200);
    const withdrawn = await request(server)
      .post(api(`/incidents/${ref}/major`))
      .set('authorization', asUser('alice'))
      .send({ major: false, reason: 'Contained' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.major).toBe(false);
    await knex.destroy();
  });
});
