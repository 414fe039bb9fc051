import { mockServices } from '@backstage/backend-test-utils';
import {
  createServiceFactory,
  coreServices,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  PolicyDecision,
  isPermission,
} from '@backstage/plugin-permission-common';
import { itsmOnCallManagePermission } from '@openitsm/backstage-plugin-itsm-common';
import request from 'supertest';
import { paymentsSchedule, startBackend } from './__testUtils__/oncallBackend';

jest.setTimeout(30_000);

describe('on-call over HTTP', () => {
  it("lets a policy restrict management to the owner group's members", async () => {
    // Members of sre may manage sre's on-call only (IS_OWNED_BY_GROUP).
    const policy = createServiceFactory({
      service: coreServices.permissions,
      deps: {},
      factory: () => {
        const base = mockServices.permissions();
        return {
          ...base,
          async authorizeConditional(requests: any[]) {
            return requests.map(
              ({ permission }): PolicyDecision =>
                isPermission(permission, itsmOnCallManagePermission)
                  ? {
                      result: AuthorizeResult.CONDITIONAL,
                      pluginId: 'itsm',
                      resourceType: 'itsm-oncall',
                      conditions: {
                        rule: 'IS_OWNED_BY_GROUP',
                        resourceType: 'itsm-oncall',
                        params: { claims: ['group:default/sre'] },
                      },
                    }
                  : { result: AuthorizeResult.ALLOW },
            );
          },
        };
      },
    });
    const server = await startBackend([policy]);
    const refused = await request(server)
      .post('/api/itsm/schedules')
      .send(paymentsSchedule);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(
      /not allowed to manage the on-call of group:default\/payments-team \(itsm\.oncall\.manage\)/,
    );
    const allowed = await request(server)
      .post('/api/itsm/schedules')
      .send({ ...paymentsSchedule, name: 'sre-oncall', ownerGroup: 'sre' });
    expect(allowed.status).toBe(201);
  });

  it('refuses everything to a policy that denies', async () => {
    const server = await startBackend([
      mockServices.permissions.factory({ result: AuthorizeResult.DENY }),
    ]);
    expect(
      (
        await request(server)
          .get('/api/itsm/oncall')
          .query({ entityRef: 'component:default/payments-api' })
      ).status,
    ).toBe(403);
    expect((await request(server).get('/api/itsm/schedules')).status).toBe(403);
    expect(
      (await request(server).post('/api/itsm/schedules').send(paymentsSchedule))
        .status,
    ).toBe(403);
  });
});
