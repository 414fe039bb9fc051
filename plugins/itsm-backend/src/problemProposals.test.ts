import { mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import request from 'supertest';
import { DatabaseProblemProposalStore } from './database/DatabaseProblemProposalStore';
import { RecurrenceDetector } from './service/RecurrenceDetector';
import {
  databaseSpy,
  report,
  startBackend,
} from './__testUtils__/problemsBackend';

jest.setTimeout(30_000);

describe('problems over HTTP', () => {
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

  it('lists only proposals whose incidents the caller may read', async () => {
    const spy = databaseSpy();
    // Incidents of payments-api only
    const policy = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async requests =>
        requests.map(({ permission }) =>
          isResourcePermission(permission, 'itsm-incident')
            ? {
                result: AuthorizeResult.CONDITIONAL,
                pluginId: 'itsm',
                resourceType: 'itsm-incident',
                conditions: {
                  rule: 'HAS_AFFECTED_SERVICE',
                  resourceType: 'itsm-incident',
                  params: { entityRefs: ['component:default/payments-api'] },
                },
              }
            : { result: AuthorizeResult.ALLOW },
        ) as any,
    });
    const server = await startBackend(spy.module, policy.factory);
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

    const listed = await request(server).get('/api/itsm/problem-proposals');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: { reason: string }) => p.reason)).toEqual([
      'major',
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('Ledger down');
  });
});
