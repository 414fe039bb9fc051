import request from 'supertest';
import { report, startBackend } from './__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

describe('reclassifying incidents and listing them by assignment and category', () => {
  it('edits occurredAt like the other fields: checked, on the timeline, clearable', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const url = `/api/itsm/incidents/${created.body.id}`;
    const future = await request(server)
      .patch(url)
      .send({ version: 1, occurredAt: '2199-01-01T00:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(
      /^occurredAt must not be in the future/,
    );
    const bad = await request(server)
      .patch(url)
      .send({ version: 1, occurredAt: 'yesterday' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/occurredAt/);

    const edited = await request(server).patch(url).send({
      version: 1,
      occurredAt: '2026-11-01T09:30:00Z',
      urgency: 'high',
      category: 'performance',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      occurredAt: '2026-11-01T09:30:00.000Z',
      priority: 'P1',
      category: 'performance',
    });
    const timeline = await request(server).get(`${url}/timeline`);
    expect(
      timeline.body.items.find((e: any) => e.type === 'fields_changed').after,
    ).toMatchObject({ occurredAt: '2026-11-01T09:30:00.000Z' });
    const cleared = await request(server)
      .patch(url)
      .send({ version: 2, occurredAt: null });
    expect(cleared.body.occurredAt).toBeUndefined();
  });

  it('filters lists by assignee and category', async () => {
    const server = await startBackend();
    const a = await request(server)
      .post('/api/itsm/incidents')
      .send({ ...report, assignee: 'bob', assignedGroup: 'payments-team' });
    await request(server)
      .post('/api/itsm/incidents')
      .send({ ...report, category: 'performance' });
    const mine = await request(server)
      .get('/api/itsm/incidents')
      .query({ assignee: 'bob' });
    expect(mine.body.items.map((i: any) => i.ref)).toEqual([a.body.ref]);
    const both = await request(server)
      .get('/api/itsm/incidents')
      .query({ assignee: 'user:default/bob', category: 'performance' });
    expect(both.body.items).toEqual([]);
    const perf = await request(server)
      .get('/api/itsm/incidents')
      .query({ category: 'performance' });
    expect(perf.body.items.map((i: any) => i.category)).toEqual([
      'performance',
    ]);
    const badRef = await request(server)
      .get('/api/itsm/incidents')
      .query({ assignee: 'user:' });
    expect(badRef.status).toBe(400);
    expect(badRef.body.error.message).toMatch(/^assignee:/);
  });
});
