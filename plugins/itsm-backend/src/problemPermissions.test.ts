import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startBackend } from './__testUtils__/problemsBackend';

jest.setTimeout(30_000);

describe('problems over HTTP', () => {
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

  it("shows a problem's fix changes only to those who may read changes", async () => {
    let readChanges = true;
    const policy = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === 'itsm.change.read' && !readChanges
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const server = await startBackend(policy.factory);
    const problem = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Ledger exports time out' });
    await request(server)
      .post('/api/itsm/changes')
      .send({
        title: 'Secret migration',
        type: 'standard',
        risk: 'low',
        affectedServices: ['ledger'],
        plannedStart: '2026-12-01T10:00:00Z',
        plannedEnd: '2026-12-01T11:00:00Z',
        problemRef: problem.body.ref,
      });
    const seen = await request(server).get(
      `/api/itsm/problems/${problem.body.ref}`,
    );
    expect(seen.body.fixChanges).toHaveLength(1);
    readChanges = false;
    const hidden = [
      await request(server).get(`/api/itsm/problems/${problem.body.ref}`),
      await request(server).get('/api/itsm/problems'),
      await request(server)
        .patch(`/api/itsm/problems/${problem.body.ref}`)
        .send({ version: 1, title: 'Ledger exports time out at night' }),
    ];
    expect(hidden[0].body.fixChanges).toEqual([]);
    expect(hidden[1].body.items[0].fixChanges).toEqual([]);
    expect(hidden[2].body).toMatchObject({ version: 2, fixChanges: [] });
  });
});
