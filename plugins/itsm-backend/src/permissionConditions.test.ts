import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { report, startBackend } from './__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

describe('conditional decisions on several incidents at once', () => {
  it('answers each incident in the order asked (as search asks about a page of results)', async () => {
    const server = await startBackend();
    const create = async (service: string) =>
      (
        await request(server)
          .post('/api/itsm/incidents')
          .send({ ...report, affectedServices: [service] })
      ).body.id as string;
    const onPayments = await create('component:default/payments-api');
    const onLedger = await create('component:default/ledger');
    const conditions = {
      rule: 'HAS_AFFECTED_SERVICE',
      resourceType: 'itsm-incident',
      params: { entityRefs: ['component:default/payments-api'] },
    };
    const ask = (ids: string[]) =>
      request(server)
        .post('/api/itsm/.well-known/backstage/permissions/apply-conditions')
        .set('Authorization', mockCredentials.service.header())
        .send({
          items: ids.map((resourceRef, i) => ({
            id: String(i),
            resourceType: 'itsm-incident',
            resourceRef,
            conditions,
          })),
        });

    // The store returns rows in its own order: the answers must not follow it
    for (const ids of [
      [onLedger, onPayments],
      [onPayments, onLedger],
    ]) {
      const response = await ask(ids);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual(
        ids.map((id, i) => ({
          id: String(i),
          result: id === onPayments ? 'ALLOW' : 'DENY',
        })),
      );
    }
  });
});
