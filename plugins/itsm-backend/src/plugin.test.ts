import {
  mockCredentials,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { itsmIncidentEventsExtensionPoint } from '@openitsm/backstage-plugin-itsm-node';
import { itsmPlugin } from './plugin';
import {
  entities,
  report,
  startBackend,
} from './__testUtils__/incidentsBackend';

jest.setTimeout(30_000);

describe('itsm backend over HTTP', () => {
  it('runs an incident through its lifecycle, with a timeline', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ref: 'INC-1001',
      priority: 'P2',
      status: 'new',
      version: 1,
      source: 'portal',
      reporter: 'user:default/mock',
      affectedServices: [
        'component:default/payments-api',
        'component:default/ledger',
      ],
    });
    const id = created.body.id;

    const listed = await request(server)
      .get('/api/itsm/incidents')
      .query({ entityRef: 'component:default/ledger' });
    expect(listed.body.error?.message).toBeUndefined();
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i: any) => i.ref)).toEqual(['INC-1001']);
    expect(listed.body.totalCount).toBe(1);

    // A table asks for the fields it shows, and gets just those (and ids)
    const rows = await request(server).get('/api/itsm/incidents').query({
      entityRef: 'component:default/ledger',
      fields: 'ref,priority,affectedServices,sla',
    });
    expect(rows.status).toBe(200);
    expect(rows.body.totalCount).toBe(1);
    const [row] = rows.body.items;
    expect(Object.keys(row).sort()).toEqual(
      ['affectedServices', 'id', 'priority', 'ref', 'sla'].sort(),
    );
    expect(row).toMatchObject({
      id,
      ref: 'INC-1001',
      affectedServices: created.body.affectedServices,
      sla: created.body.sla,
    });
    const unknown = await request(server)
      .get('/api/itsm/incidents')
      .query({ fields: 'ref,password' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(
      /^fields: "password" is not one of/,
    );

    const patch = (body: object) =>
      request(server).patch(`/api/itsm/incidents/${id}`).send(body);

    expect(
      (await patch({ version: 1, status: 'acknowledged' })).body,
    ).toMatchObject({
      status: 'acknowledged',
      version: 2,
    });
    expect(
      (
        await patch({
          version: 2,
          status: 'in_progress',
          assignee: 'user:default/bob',
          assignedGroup: 'payments-team',
        })
      ).body,
    ).toMatchObject({
      status: 'in_progress',
      assignee: 'user:default/bob',
      assignedGroup: 'group:default/payments-team',
      version: 3,
    });
    expect((await patch({ version: 3, status: 'on_hold' })).status).toBe(200);
    expect((await patch({ version: 4, status: 'in_progress' })).status).toBe(
      200,
    );

    const unresolved = await patch({ version: 5, status: 'resolved' });
    expect(unresolved.status).toBe(400);
    expect(unresolved.body.error.message).toMatch(/resolutionCode is required/);

    const resolved = await patch({
      version: 5,
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Failed over to the secondary acquirer',
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolutionCode: 'fixed',
      version: 6,
    });
    expect(resolved.body.resolvedAt).toBeDefined();

    const reopened = await request(server)
      .patch(`/api/itsm/incidents/${created.body.ref}`)
      .set('If-Match', '"6"')
      .send({ status: 'in_progress' });
    expect(reopened.body).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      version: 7,
    });
    expect(reopened.body.resolvedAt).toBeUndefined();

    const update = await request(server)
      .post(`/api/itsm/incidents/${id}/updates`)
      .send({ message: 'Acquirer confirmed the outage' });
    expect(update.status).toBe(201);

    const timeline = await request(server).get(
      `/api/itsm/incidents/${id}/timeline`,
    );
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'status_changed',
      'assigned',
      'status_changed',
      'status_changed',
      'status_changed',
      'sla_recomputed',
      'status_changed',
      'status_changed',
      'sla_recomputed',
      'update',
    ]);
    expect(timeline.body.items[1]).toMatchObject({
      actor: 'user:default/mock',
      message: 'Status new → acknowledged',
      before: { status: 'new' },
      after: { status: 'acknowledged' },
    });
    expect(timeline.body.items[8].message).toMatch(/Reopened/);
    expect(timeline.body.items[9].message).toMatch(/reopened/);

    const summary = await request(server).get(
      '/api/itsm/entities/component/default/payments-api/summary',
    );
    expect(summary.body).toMatchObject({
      entityRef: 'component:default/payments-api',
      openCount: 1,
      openByPriority: { P1: 0, P2: 1, P3: 0, P4: 0, P5: 0 },
    });
  });

  it('takes incidents from API callers with a service token, unencoded refs in the query', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .set('Authorization', mockCredentials.service.header())
      .send(report);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      source: 'api',
      reporter: 'external:test-service',
    });
    const listed = await request(server)
      .get(
        '/api/itsm/incidents?entityRef=component:default/payments-api&status=new,acknowledged&priority=P1,P2',
      )
      .set('Authorization', mockCredentials.service.header());
    expect(listed.body.error?.message).toBeUndefined();
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(1);
  });

  it('tells modules about committed incident events, and survives a failing listener', async () => {
    const received: string[] = [];
    const listenerModule = createBackendModule({
      pluginId: 'itsm',
      moduleId: 'test-listeners',
      register(reg) {
        reg.registerInit({
          deps: { events: itsmIncidentEventsExtensionPoint },
          async init({ events }) {
            events.addListener(
              {
                id: 'recorder',
                onIncidentEvent: async e => {
                  received.push(
                    `${e.type} ${e.incident.ref} ${e.incident.status}`,
                  );
                },
              },
              {
                id: 'broken',
                onIncidentEvent: async () => {
                  throw new Error('chat is down');
                },
              },
            );
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        itsmPlugin,
        listenerModule,
        catalogServiceMock.factory({ entities }),
      ],
    });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    expect(created.status).toBe(201);
    const acked = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .send({ version: 1, status: 'acknowledged' });
    expect(acked.status).toBe(200);
    await request(server)
      .post(`/api/itsm/incidents/${created.body.id}/updates`)
      .send({ message: 'Looking' });
    expect(received).toEqual([
      'incident.created INC-1001 new',
      'incident.updated INC-1001 acknowledged',
      'incident.update-posted INC-1001 acknowledged',
    ]);
  });

  it('recomputes the priority when impact or urgency change, and says so on the timeline', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send(report);
    const changed = await request(server)
      .patch(`/api/itsm/incidents/${created.body.id}`)
      .send({ version: 1, urgency: 'high' });
    expect(changed.body).toMatchObject({ priority: 'P1', urgency: 'high' });
    const timeline = await request(server).get(
      `/api/itsm/incidents/${created.body.id}/timeline`,
    );
    expect(timeline.body.items[1]).toMatchObject({
      type: 'fields_changed',
      before: { urgency: 'medium', priority: 'P2' },
      after: { urgency: 'high', priority: 'P1' },
    });
  });
});
