import request from 'supertest';
import { report, startBackend } from './__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

describe('itsm backend over HTTP', () => {
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
});
