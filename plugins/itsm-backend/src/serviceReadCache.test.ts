import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  entities,
  report,
  startBackend,
} from './__testUtils__/incidentsBackend';
import { itsmPlugin } from './plugin';

jest.setTimeout(30_000);

const SERVICE = 'component:default/payments-api';
const READS = {
  summary: '/api/itsm/entities/component/default/payments-api/summary',
  history: `/api/itsm/incidents?entityRef=${encodeURIComponent(
    SERVICE,
  )}&limit=50&fields=ref,status,priority`,
  sla: `/api/itsm/sla/compliance?entityRef=${encodeURIComponent(
    SERVICE,
  )}&groupBy=priority`,
};

describe("a service page's reads, answered from the response cache", () => {
  it('show what was just written on this replica, at once', async () => {
    const server = await startBackend();
    const read = async () => {
      const [summary, history] = await Promise.all([
        request(server).get(READS.summary),
        request(server).get(READS.history),
      ]);
      return { summary: summary.body, history: history.body };
    };

    // Read twice: the second answer comes from the cache
    expect((await read()).summary.openCount).toBe(0);
    expect((await read()).history.items).toEqual([]);

    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    const afterCreate = await read();
    expect(afterCreate.summary).toMatchObject({
      openCount: 1,
      openByPriority: { P2: 1 },
    });
    expect(afterCreate.history.items).toEqual([
      {
        id: created.body.id,
        ref: created.body.ref,
        status: 'new',
        priority: 'P2',
      },
    ]);

    const acknowledged = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .send({ version: 1, status: 'acknowledged' });
    expect(acknowledged.status).toBe(200);
    const afterUpdate = await read();
    expect(afterUpdate.summary.openIncidents[0].status).toBe('acknowledged');
    expect(afterUpdate.history.items[0].status).toBe('acknowledged');
  });

  it('answers a repeated read with the same ETag, and a 304 to a caller that has it', async () => {
    const server = await startBackend();
    await request(server).post('/api/itsm/incidents').send(report);

    const first = await request(server).get(READS.sla);
    const second = await request(server).get(READS.sla);
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    const unchanged = await request(server)
      .get(READS.sla)
      .set('If-None-Match', first.headers.etag);
    expect(unchanged.status).toBe(304);
  });

  it('still refuses bad input before any answer is looked up', async () => {
    const server = await startBackend();
    const bad = await request(server).get(
      `/api/itsm/incidents?entityRef=${encodeURIComponent(
        SERVICE,
      )}&limit=Infinity`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/limit/);
  });

  it('asks the policy once per read, and never answers a caller it now refuses', async () => {
    // A policy that can change its mind mid-test, and counts its questions
    let asked = 0;
    let result: AuthorizeResult.ALLOW | AuthorizeResult.DENY =
      AuthorizeResult.ALLOW;
    const policy = createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => {
        const base = mockServices.permissions();
        return {
          ...base,
          async authorize(requests: any[]) {
            asked += requests.length;
            return requests.map(() => ({ result }));
          },
          async authorizeConditional(requests: any[]) {
            asked += requests.length;
            return requests.map(() => ({ result }));
          },
        };
      },
    });
    const { server } = await startTestBackend({
      features: [itsmPlugin, catalogServiceMock.factory({ entities }), policy],
    });
    const reads = [
      READS.summary,
      READS.history,
      READS.sla,
      `/api/itsm/oncall?entityRef=${encodeURIComponent(SERVICE)}`,
      `/api/itsm/workarounds?entityRef=${encodeURIComponent(
        SERVICE,
      )}&open=true`,
      `/api/itsm/changes?entityRef=${encodeURIComponent(SERVICE)}`,
      `/api/itsm/changes/gate?entityRef=${encodeURIComponent(SERVICE)}`,
    ];
    for (const path of reads) {
      // Twice: the second is answered from the cache. Each asks the policy
      // once, though on a miss both the cache and the route need the answer
      for (const _time of [1, 2]) {
        const before = asked;
        expect((await request(server).get(path)).status).toBe(200);
        expect({ path, asked: asked - before }).toEqual({ path, asked: 1 });
      }
    }
    result = AuthorizeResult.DENY;
    for (const path of reads) {
      const refused = await request(server).get(path);
      expect({ path, status: refused.status }).toEqual({ path, status: 403 });
    }
  });
});
