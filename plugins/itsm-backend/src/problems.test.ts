import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  coreServices,
  createBackendModule,
  DatabaseService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from './plugin';
import { DatabaseProblemProposalStore } from './database/DatabaseProblemProposalStore';
import { RecurrenceDetector } from './service/RecurrenceDetector';

jest.setTimeout(30_000);

const entity = (kind: string, name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name, namespace: 'default' },
  spec: {},
});

const entities = [
  entity('Component', 'payments-api'),
  entity('Component', 'ledger'),
  entity('Component', 'search'),
  entity('Group', 'sre'),
];

/** Hands the test the itsm plugin's own database. */
function databaseSpy() {
  let database: DatabaseService | undefined;
  const module = createBackendModule({
    pluginId: 'itsm',
    moduleId: 'test-database-spy',
    register(reg) {
      reg.registerInit({
        deps: { db: coreServices.database },
        async init({ db }) {
          database = db;
        },
      });
    },
  });
  return { module, database: () => database! };
}

async function startBackend(...extra: any[]) {
  const { server } = await startTestBackend({
    features: [itsmPlugin, catalogServiceMock.factory({ entities }), ...extra],
  });
  return server;
}

const report = (overrides: object = {}) => ({
  title: 'Card payments failing',
  description: 'Acquirer returns 502',
  affectedServices: ['component:default/payments-api'],
  category: 'availability',
  impact: 'medium',
  urgency: 'medium',
  ...overrides,
});

describe('problems over HTTP', () => {
  it('opens a problem from incidents and runs it through its lifecycle, with timelines', async () => {
    const server = await startBackend();
    const a = await request(server).post('/api/itsm/incidents').send(report());
    const b = await request(server)
      .post('/api/itsm/incidents')
      .send(report({ affectedServices: ['ledger'] }));

    const created = await request(server)
      .post('/api/itsm/problems')
      .send({
        title: 'Acquirer flaps',
        incidentIds: [a.body.ref, b.body.id],
        affectedServices: ['search'],
        ownerGroup: 'sre',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ref: 'PRB-1001',
      status: 'new',
      incidentCount: 2,
      ownerGroup: 'group:default/sre',
      addedServices: ['component:default/search'],
      createdBy: 'user:default/mock',
      version: 1,
    });
    expect([...created.body.affectedServices].sort()).toEqual([
      'component:default/ledger',
      'component:default/payments-api',
      'component:default/search',
    ]);
    const id = created.body.id;

    const incidentTimeline = await request(server).get(
      `/api/itsm/incidents/${a.body.id}/timeline`,
    );
    expect(incidentTimeline.body.items.map((e: any) => e.message)).toContain(
      'Linked to problem PRB-1001',
    );
    const linked = await request(server)
      .get('/api/itsm/incidents')
      .query({ problemId: id });
    expect(linked.body.items.map((i: any) => i.ref).sort()).toEqual([
      'INC-1001',
      'INC-1002',
    ]);

    const patch = (body: object) =>
      request(server).patch(`/api/itsm/problems/PRB-1001`).send(body);
    expect(
      (await patch({ version: 1, status: 'investigating' })).body,
    ).toMatchObject({
      status: 'investigating',
      version: 2,
    });
    const noCause = await patch({ version: 2, status: 'known_error' });
    expect(noCause.status).toBe(400);
    expect(noCause.body.error.message).toBe(
      'status: rootCause is required to move a problem to known_error',
    );
    const closed = await patch({ version: 2, status: 'closed' });
    expect(closed.status).toBe(200); // not a problem after all
    const reopened = await patch({ version: 3, status: 'new' });
    expect(reopened.status).toBe(400);
    expect(reopened.body.error.message).toMatch(/closed is final/);
  });

  it('records root cause, known error, fix change and resolution; 409 on a stale version', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Ledger exports time out', affectedServices: ['ledger'] });
    const url = `/api/itsm/problems/${created.body.id}`;
    await request(server)
      .patch(url)
      .send({ version: 1, status: 'investigating' });
    const known = await request(server).patch(url).send({
      version: 2,
      status: 'known_error',
      rootCause: 'Export query scans the whole table',
    });
    expect(known.body).toMatchObject({
      status: 'known_error',
      rootCause: 'Export query scans the whole table',
      version: 3,
    });
    const cleared = await request(server)
      .patch(url)
      .send({ version: 3, rootCause: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.message).toBe(
      'rootCause is required while a problem is known_error; it cannot be cleared',
    );
    const stale = await request(server)
      .patch(url)
      .send({ version: 2, title: 'x' });
    expect(stale.status).toBe(409);
    const badRef = await request(server)
      .patch(url)
      .set('If-Match', '"3"')
      .send({ fixChangeRef: 'fixed it' });
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toMatch(
      /^fixChangeRef must be a change ref/,
    );
    const unknownChange = await request(server)
      .patch(url)
      .set('If-Match', '"3"')
      .send({ status: 'resolved', fixChangeRef: 'CHG-1001' });
    expect(unknownChange.status).toBe(400);
    expect(unknownChange.body.error.message).toMatch(
      /^fixChangeRef: there is no change CHG-1001/,
    );
    const fix = await request(server)
      .post('/api/itsm/changes')
      .send({
        title: 'Raise the export timeout',
        type: 'standard',
        risk: 'low',
        affectedServices: ['ledger'],
        plannedStart: '2026-12-01T10:00:00Z',
        plannedEnd: '2026-12-01T11:00:00Z',
      });
    expect(fix.body.ref).toBe('CHG-1001');
    const resolved = await request(server)
      .patch(url)
      .set('If-Match', '"3"')
      .send({ status: 'resolved', fixChangeRef: 'chg-1001' });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      fixChangeRef: 'CHG-1001',
      version: 4,
    });
    expect(resolved.body.resolvedAt).toBeDefined();

    const timeline = await request(server).get(`${url}/timeline`);
    expect(timeline.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'status_changed',
      'fields_changed',
      'status_changed',
      'fields_changed',
      'status_changed',
    ]);
    expect(timeline.body.items[5].message).toBe(
      'Status known_error → resolved (fixed by CHG-1001)',
    );

    const listed = await request(server)
      .get('/api/itsm/problems')
      .query({ status: 'resolved', entityRef: 'component:default/ledger' });
    expect(listed.body.items.map((p: any) => p.ref)).toEqual(['PRB-1001']);
    const noRef = await request(server).get('/api/itsm/report-suggestions');
    expect(noRef.status).toBe(400);
    expect(noRef.body.error.message).toMatch(/entityRef/);
    const bad = await request(server)
      .get('/api/itsm/problems')
      .query({ status: 'solved' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^status: "solved" is not one of/);
  });

  it('links and unlinks incidents; an incident belongs to one problem at most', async () => {
    const server = await startBackend();
    const a = await request(server).post('/api/itsm/incidents').send(report());
    const p1 = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'One', incidentIds: [a.body.id] });
    const p2 = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Two' });

    const taken = await request(server)
      .post(`/api/itsm/problems/${p2.body.id}/incidents`)
      .send({ version: 1, link: [a.body.ref] });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/INC-1001 is already linked/);

    const unknown = await request(server)
      .post(`/api/itsm/problems/${p2.body.id}/incidents`)
      .send({ version: 1, link: ['INC-9999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('link[0]: no incident INC-9999');

    const unlinked = await request(server)
      .post(`/api/itsm/problems/${p1.body.id}/incidents`)
      .send({ version: 1, unlink: [a.body.id] });
    expect(unlinked.body).toMatchObject({ incidentCount: 0, version: 2 });
    expect(unlinked.body.affectedServices).toEqual([]);
    const moved = await request(server)
      .post(`/api/itsm/problems/${p2.body.id}/incidents`)
      .set('If-Match', '1')
      .send({ link: [a.body.ref] });
    expect(moved.body).toMatchObject({ incidentCount: 1, version: 2 });
    const incident = await request(server).get(
      `/api/itsm/incidents/${a.body.id}`,
    );
    expect(incident.body.problemId).toBe(p2.body.id);
  });

  it("publishes workarounds, lists a service's open ones, applies one, and suggests them when reporting", async () => {
    const server = await startBackend();
    const a = await request(server)
      .post('/api/itsm/incidents')
      .send(report({ title: 'Card payments timing out at the acquirer' }));
    const problem = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Acquirer timeouts', incidentIds: [a.body.id] });

    const missing = await request(server)
      .post('/api/itsm/workarounds')
      .send({ title: 'x', affectedServices: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/steps/);

    const published = await request(server).post('/api/itsm/workarounds').send({
      problemId: problem.body.ref,
      title: 'Fail over to the secondary acquirer',
      steps: '1. Open the payments console\n2. Switch to **secondary**',
      affectedServices: [],
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      ref: 'WA-1001',
      problemRef: 'PRB-1001',
      affectedServices: ['component:default/payments-api'],
      status: 'active',
      useCount: 0,
    });
    await request(server)
      .post('/api/itsm/workarounds')
      .send({
        title: 'Old',
        steps: 'x',
        affectedServices: ['payments-api'],
        status: 'retired',
      });

    const applied = await request(server)
      .post(`/api/itsm/workarounds/${published.body.id}/uses`)
      .send({ incidentId: a.body.ref });
    expect(applied.status).toBe(201);
    expect(applied.body.useCount).toBe(1);
    const again = await request(server)
      .post(`/api/itsm/workarounds/${published.body.id}/uses`)
      .send({ incidentId: a.body.ref });
    expect(again.status).toBe(409);
    const timeline = await request(server).get(
      `/api/itsm/incidents/${a.body.id}/timeline`,
    );
    expect(timeline.body.items.map((e: any) => e.type)).toContain(
      'workaround_applied',
    );

    const open = await request(server)
      .get('/api/itsm/workarounds')
      .query({ entityRef: 'component:default/payments-api', open: true });
    expect(open.body.items.map((w: any) => [w.ref, w.useCount])).toEqual([
      ['WA-1001', 1],
    ]);

    const suggestions = await request(server)
      .get('/api/itsm/report-suggestions')
      .query({
        entityRef: 'component:default/payments-api',
        title: 'Payments timing out',
        category: 'availability',
      });
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.workarounds.map((w: any) => w.ref)).toEqual([
      'WA-1001',
    ]);
    expect(suggestions.body.similarIncidents.map((i: any) => i.ref)).toEqual([
      'INC-1001',
    ]);
    const other = await request(server)
      .get('/api/itsm/report-suggestions')
      .query({
        entityRef: 'component:default/payments-api',
        title: 'Dashboard colours',
      });
    expect(other.body.similarIncidents).toEqual([]);

    const retired = await request(server)
      .patch(`/api/itsm/workarounds/WA-1001`)
      .send({ version: 1, status: 'retired' });
    expect(retired.body).toMatchObject({ status: 'retired', version: 2 });
    const none = await request(server)
      .get('/api/itsm/workarounds')
      .query({ entityRef: 'component:default/payments-api', open: true });
    expect(none.body.items).toEqual([]);
  });

  it('accepts and dismisses recurrence proposals', async () => {
    const spy = databaseSpy();
    const server = await startBackend(spy.module);
    for (let i = 0; i < 3; i++) {
      await request(server)
        .post('/api/itsm/incidents')
        .send(
          report({ affectedServices: ['ledger'], title: `Ledger down ${i}` }),
        );
    }
    await request(server)
      .post('/api/itsm/incidents')
      .send(
        report({ impact: 'high', urgency: 'high', title: 'Everything down' }),
      );
    const detector = new RecurrenceDetector(
      await DatabaseProblemProposalStore.create({ database: spy.database() }),
      {
        minIncidents: 3,
        windowDays: 7,
        titleSimilarity: 0.5,
        includeMajor: true,
      },
    );
    expect(await detector.run()).toBe(2);

    const listed = await request(server)
      .get('/api/itsm/problem-proposals')
      .query({ status: 'open', entityRef: 'component:default/ledger' });
    expect(listed.body.items).toHaveLength(1);
    const proposal = listed.body.items[0];
    expect(proposal.incidentRefs.sort()).toEqual([
      'INC-1001',
      'INC-1002',
      'INC-1003',
    ]);

    const accepted = await request(server).post(
      `/api/itsm/problem-proposals/${proposal.id}/accept`,
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ ref: 'PRB-1001', incidentCount: 3 });
    expect(
      (
        await request(server).post(
          `/api/itsm/problem-proposals/${proposal.id}/accept`,
        )
      ).status,
    ).toBe(409);

    const [major] = (
      await request(server)
        .get('/api/itsm/problem-proposals')
        .query({ status: 'open' })
    ).body.items;
    expect(major.reason).toBe('major');
    const dismissed = await request(server).post(
      `/api/itsm/problem-proposals/${major.id}/dismiss`,
    );
    expect(dismissed.body).toMatchObject({ status: 'dismissed' });
    expect(await detector.run()).toBe(0);
    expect(
      (await request(server).post('/api/itsm/problem-proposals/nope/dismiss'))
        .status,
    ).toBe(404);
  });

  it('refuses problem routes when the policy denies them', async () => {
    const incidentsOnly = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result: r.permission.name.startsWith('itsm.problem')
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const server = await startBackend(incidentsOnly.factory);
    const responses = [
      await request(server).get('/api/itsm/problems'),
      await request(server).post('/api/itsm/problems').send({ title: 'x' }),
      await request(server).get('/api/itsm/problems/PRB-1001'),
      await request(server)
        .patch('/api/itsm/problems/PRB-1001')
        .send({ version: 1 }),
      await request(server).get('/api/itsm/workarounds'),
      await request(server)
        .post('/api/itsm/workarounds')
        .send({ title: 'x', steps: 'y', affectedServices: ['ledger'] }),
      await request(server).get('/api/itsm/problem-proposals'),
    ];
    expect(responses.map(r => r.status)).toEqual([
      403, 403, 403, 403, 403, 403, 403,
    ]);
    expect(responses[1].body.error.message).toMatch(/itsm.problem.create/);
    // Reporting still works, and suggests no workarounds it may not read
    const suggestions = await request(server)
      .get('/api/itsm/report-suggestions')
      .query({ entityRef: 'component:default/ledger', title: 'x' });
    expect(suggestions.status).toBe(200);
    expect(suggestions.body.workarounds).toEqual([]);
  });
});
