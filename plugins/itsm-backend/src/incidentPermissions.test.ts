import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { itsmPlugin } from './plugin';
import {
  entities,
  report,
  startBackend,
} from './__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

describe('itsm backend over HTTP', () => {
  it('refuses every route when the permission policy denies', async () => {
    const denyAll = await startBackend(AuthorizeResult.DENY);
    const refused = await request(denyAll)
      .post('/api/itsm/incidents')
      .send(report);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/itsm.incident.create/);

    // A policy that lets you report incidents but not read or change them
    const createOnly = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === 'itsm.incident.create'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.DENY })),
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        createOnly.factory,
      ],
    });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    const url = `/api/itsm/incidents/${created.body.id}`;
    const responses = [
      await request(server).get('/api/itsm/incidents'),
      await request(server).get(url),
      await request(server)
        .patch(url)
        .send({ version: 1, status: 'acknowledged' }),
      await request(server).post(`${url}/updates`).send({ message: 'hello' }),
      await request(server).get(`${url}/timeline`),
      await request(server).get(
        '/api/itsm/entities/component/default/payments-api/summary',
      ),
    ];
    expect(responses.map(r => r.status)).toEqual([
      403, 403, 403, 403, 403, 403,
    ]);
  });

  it('filters lists by conditional decisions of the policy', async () => {
    const conditional = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
      authorizeConditional: async requests =>
        requests.map(() => ({
          result: AuthorizeResult.CONDITIONAL,
          pluginId: 'itsm',
          resourceType: 'itsm-incident',
          conditions: {
            rule: 'HAS_AFFECTED_SERVICE',
            resourceType: 'itsm-incident',
            params: { entityRefs: ['component:default/ledger'] },
          },
        })) as any,
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        catalogServiceMock.factory({ entities }),
        conditional.factory,
      ],
    });
    const visible = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const hidden = await request(server)
      .post('/api/itsm/incidents')
      .send({
        ...report,
        affectedServices: ['component:default/payments-api'],
      });
    const list = await request(server).get('/api/itsm/incidents');
    expect(list.body.items.map((i: any) => i.id)).toEqual([visible.body.id]);
    expect(
      (await request(server).get(`/api/itsm/incidents/${hidden.body.id}`))
        .status,
    ).toBe(403);
    expect(
      (await request(server).get(`/api/itsm/incidents/${visible.body.id}`))
        .status,
    ).toBe(200);
  });
});
