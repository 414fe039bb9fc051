import request from 'supertest';
import { report, startBackend } from './__testUtils__/problemsBackend';

jest.setTimeout(30_000);

describe('problems over HTTP', () => {
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
});
