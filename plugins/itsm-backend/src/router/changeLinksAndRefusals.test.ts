import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  as,
  requestChange,
  startBackend,
} from './__testUtils__/changesBackend';

jest.setTimeout(30_000);

describe('changes over HTTP: incident links and refusals', () => {
  it('links incidents caused by a change from either side, and reports failure rates', async () => {
    const server = await startBackend();
    const change = await request(server)
      .post('/api/itsm/changes')
      .send(requestChange);
    const incident = await request(server)
      .post('/api/itsm/incidents')
      .send({
        title: 'Checkout errors after the upgrade',
        affectedServices: ['payments-api'],
        category: 'availability',
        impact: 'high',
        urgency: 'high',
      });
    const linked = await request(server)
      .post(`/api/itsm/changes/${change.body.id}/incidents`)
      .send({ incident: incident.body.ref });
    expect(linked.status).toBe(201);
    expect(linked.body.causedIncidents).toEqual([
      expect.objectContaining({ ref: incident.body.ref }),
    ]);
    const timeline = await request(server).get(
      `/api/itsm/incidents/${incident.body.id}/timeline`,
    );
    expect(timeline.body.items.at(-1).message).toBe(
      `Caused by change ${change.body.ref}`,
    );

    const unlinked = await request(server)
      .put(`/api/itsm/incidents/${incident.body.id}/cause`)
      .send({ change: null });
    expect(unlinked.body.causedByChangeId).toBeUndefined();
    const relinked = await request(server)
      .put(`/api/itsm/incidents/${incident.body.id}/cause`)
      .send({ change: change.body.ref });
    expect(relinked.body.causedByChangeId).toBe(change.body.id);
    const events = await request(server).get(
      `/api/itsm/changes/${change.body.id}/events`,
    );
    expect(events.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'incident_linked',
      'incident_unlinked',
      'incident_linked',
    ]);

    const metrics = await request(server)
      .get('/api/itsm/changes/metrics')
      .query({ entityRef: 'component:default/payments-api' });
    expect(metrics.status).toBe(200);
    expect(metrics.body.services).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/payments-api',
        incidents: 1,
        incidentsCausedByChanges: 1,
        causedByChangeShare: 1,
      }),
    ]);
  });

  it('answers 4xx naming the field for bad input, unknown changes and frozen scope', async () => {
    const server = await startBackend();
    const cases = [
      [
        await request(server)
          .get('/api/itsm/changes')
          .query({ status: 'open' }),
        400,
        /status: "open" is not one of new, assess/,
      ],
      [
        await request(server)
          .get('/api/itsm/changes')
          .query({ from: 'yesterday' }),
        400,
        /from must be an ISO 8601/,
      ],
      [
        await request(server).get('/api/itsm/changes/CHG-9999'),
        404,
        /No change CHG-9999/,
      ],
      [
        await request(server).get('/api/itsm/changes/conflicts').query({
          services: 'payments-api',
          start: '2026-12-01T12:00:00Z',
          end: '2026-12-01T10:00:00Z',
        }),
        400,
        /end must be after start/,
      ],
      [
        await request(server)
          .post('/api/itsm/changes')
          .send({
            ...requestChange,
            affectedServices: ['component:default/nope'],
          }),
        400,
        /affectedServices\[0\]: unknown entity component:default\/nope/,
      ],
      [
        await request(server)
          .post('/api/itsm/changes')
          .send({ ...requestChange, problemRef: 'INC-1' }),
        400,
        /problemRef must be a problem ref/,
      ],
    ] as const;
    for (const [response, status, message] of cases) {
      expect(response.status).toBe(status);
      expect(response.body.error.message).toMatch(message);
    }

    const created = await request(server)
      .post('/api/itsm/changes')
      .send(requestChange);
    const url = `/api/itsm/changes/${created.body.id}`;
    await request(server).patch(url).send({ version: 1, status: 'assess' });
    await request(server).patch(url).send({ version: 2, status: 'authorize' });
    const scope = await request(server)
      .patch(url)
      .send({ version: 3, affectedServices: ['ledger'] });
    expect(scope.status).toBe(400);
    expect(scope.body.error.message).toBe(
      'affectedServices cannot be changed while the change is authorize',
    );
    const noVersion = await request(server).patch(url).send({ title: 'x' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toMatch(/version is required/);
  });

  it('answers 403 on approvals when the policy denies itsm.change.approve, and nothing else', async () => {
    const denyApprove = mockServices.permissions.mock({
      authorize: async requests =>
        requests.map(r => ({
          result:
            r.permission.name === 'itsm.change.approve'
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      authorizeConditional: async requests =>
        requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    });
    const server = await startBackend([denyApprove.factory]);
    const created = await request(server)
      .post('/api/itsm/changes')
      .send(requestChange);
    const url = `/api/itsm/changes/${created.body.id}`;
    await request(server).patch(url).send({ version: 1, status: 'assess' });
    expect(
      (
        await request(server)
          .patch(url)
          .send({ version: 2, status: 'authorize' })
      ).status,
    ).toBe(200);
    const denied = await request(server)
      .post(`${url}/approvals`)
      .set('Authorization', as('carol'))
      .send({ decision: 'approved' });
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'You are not allowed to approve or reject changes (itsm.change.approve)',
    );
    expect((await request(server).get(url)).body).toMatchObject({
      status: 'authorize',
      approvals: [],
    });
  });
});
