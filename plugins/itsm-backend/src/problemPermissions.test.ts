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
});
