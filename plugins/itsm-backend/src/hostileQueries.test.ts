import request from 'supertest';
import {
  requestChange,
  startBackend,
} from './router/__testUtils__/changesBackend';

jest.setTimeout(60_000);

const b64 = (key: unknown) =>
  Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

const CURSOR_ERROR =
  'cursor is not a cursor this API returned; pass nextCursor from a previous page';

// Queries a hostile caller sends to the list routes: each is a 400 that names
// the field, never a 500 and never a 200 that ignores it.
describe('hostile queries over HTTP', () => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  let lists: string[];

  beforeAll(async () => {
    server = await startBackend();
    const incident = await request(server)
      .post('/api/itsm/incidents')
      .send({
        title: 'Card payments failing',
        description: 'Acquirer returns 502',
        affectedServices: ['payments-api'],
        category: 'availability',
        impact: 'high',
        urgency: 'medium',
      });
    expect(incident.status).toBe(201);
    const problem = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Database too old', addedServices: ['payments-api'] });
    expect(problem.status).toBe(201);
    const change = await request(server)
      .post('/api/itsm/changes')
      .send(requestChange);
    expect(change.status).toBe(201);
    lists = [
      '/incidents',
      '/problems',
      '/workarounds',
      '/problem-proposals',
      '/changes',
      `/incidents/${incident.body.ref}/timeline`,
      `/problems/${problem.body.ref}/timeline`,
      `/changes/${change.body.ref}/events`,
    ];
  });

  const get = (path: string) => request(server).get(`/api/itsm${path}`);

  it('answers every list, timeline and event page with a good query', async () => {
    for (const list of lists) {
      const res = await get(`${list}?limit=500`);
      expect([list, res.status]).toEqual([list, 200]);
    }
  });

  it.each([
    ['an empty array', 'W10'],
    ['a garbage time', b64(['garbage', 'x'])],
    ['one element', b64(['2026-01-01T00:00:00Z'])],
    ['a non-ISO time', b64(['Jan 1 2026', 'x'])],
    ['a serial that is not a number', b64(['garbage'])],
    ['not a cursor at all', 'garbage'],
  ])('refuses a cursor holding %s on every list', async (_what, cursor) => {
    for (const list of lists) {
      const res = await get(`${list}?cursor=${cursor}`);
      expect([list, res.status, res.body.error?.message]).toEqual([
        list,
        400,
        CURSOR_ERROR,
      ]);
    }
  });

  it.each([
    'Infinity',
    '0x10',
    '1e2',
    '+5',
    '%205',
    '5.0',
    '0',
    '501',
    '-1',
    '010',
  ])('refuses limit=%s on every list', async limit => {
    for (const list of lists) {
      const res = await get(`${list}?limit=${limit}`);
      expect([list, res.status]).toEqual([list, 400]);
      expect(res.body.error.message).toMatch(/limit/);
    }
  });

  it('names the limit it refused as the caller wrote it', async () => {
    const res = await get('/incidents?limit=Infinity');
    expect(res.body.error.message).toBe(
      'limit must be an integer from 1 to 500, got "Infinity"',
    );
    const twice = await get('/incidents?limit=5&limit=6');
    expect(twice.status).toBe(400);
  });

  it.each(['Infinity', '0x10', '1e2', '-1', '36501'])(
    'refuses minAgeDays=%s on /problems',
    async minAgeDays => {
      const res = await get(`/problems?minAgeDays=${minAgeDays}`);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/minAgeDays/);
    },
  );

  it('takes a plain minAgeDays', async () => {
    expect((await get('/problems?minAgeDays=0')).status).toBe(200);
    expect((await get('/problems?minAgeDays=30')).status).toBe(200);
  });

  it.each([
    ['/incidents?from=2026-02-30T00:00:00Z', 'from'],
    ['/changes?to=9999-01-01T00:00:00Z', 'to'],
    ['/sla/compliance?to=-271821-04-20T00:00:00Z', 'to'],
    ['/sla/compliance?from=0000-01-01T00:00:00Z', 'from'],
    ['/changes/metrics?to=-271821-04-20T00:00:00Z', 'to'],
    [
      '/oncall?entityRef=component:default/payments-api&at=%2B275760-09-13T00:00:00Z',
      'at',
    ],
  ])('refuses %s with a 400 naming %s', async (path, field) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(new RegExp(`^${field} must be`));
  });
});

describe('affected services over HTTP', () => {
  it.each([
    [
      '/incidents',
      {
        title: 'x',
        description: 'x',
        category: 'availability',
        impact: 'low',
        urgency: 'low',
      },
    ],
    ['/problems', { title: 'x' }],
    ['/workarounds', { title: 'x', steps: 'x' }],
    ['/changes', requestChange],
  ])('refuses a user as an affected service on POST %s', async (path, body) => {
    const server = await startBackend();
    const res = await request(server)
      .post(`/api/itsm${path}`)
      .send({ ...body, affectedServices: ['user:default/alice'] });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'affectedServices[0]: "user:default/alice" must be a component, resource, system or api entity',
    );
  });
});
