import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { TestEventsService } from '@backstage/plugin-events-backend-test-utils';
import { EventsService, eventsServiceRef } from '@backstage/plugin-events-node';
import request from 'supertest';
import { report, startBackend } from '../__testUtils__/problemsBackend';
import { requestChange } from '../router/__testUtils__/changesBackend';

jest.setTimeout(30_000);

const withEvents = (events: EventsService) =>
  createServiceFactory({
    service: eventsServiceRef,
    deps: {},
    factory: () => events,
  });

const api = (path: string) => `/api/itsm${path}`;

describe('itsm.* events', () => {
  it('publishes incident events once each write has committed', async () => {
    const events = new TestEventsService();
    const server = await startBackend(withEvents(events));
    const created = await request(server)
      .post(api('/incidents'))
      .send(report({ impact: 'high', urgency: 'high' }));
    expect(created.status).toBe(201);
    const patch = (body: object) =>
      request(server).patch(api('/incidents/INC-1001')).send(body);
    expect((await patch({ version: 1, status: 'acknowledged' })).status).toBe(
      200,
    );
    expect((await patch({ version: 2, status: 'in_progress' })).status).toBe(
      200,
    );
    const resolved = await patch({
      version: 3,
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Rolled back',
    });
    expect(resolved.status).toBe(200);

    expect(events.published.map(e => e.topic)).toEqual([
      'itsm.incident.created',
      'itsm.incident.updated',
      'itsm.incident.updated',
      'itsm.incident.updated',
      'itsm.incident.resolved',
    ]);
    const [first, acked] = events.published.map(e => e.eventPayload);
    expect(first).toEqual({
      kind: 'incident',
      id: created.body.id,
      ref: 'INC-1001',
      title: 'Card payments failing',
      entityRef: 'component:default/payments-api',
      affectedServices: ['component:default/payments-api'],
      status: 'new',
      priority: 'P1',
      major: false,
      actor: 'user:default/mock',
      at: expect.any(String),
    });
    expect(acked).toMatchObject({
      status: 'acknowledged',
      changes: { status: { before: 'new', after: 'acknowledged' } },
    });
    expect(events.published[4].eventPayload).toMatchObject({
      ref: 'INC-1001',
      status: 'resolved',
      changes: {
        status: { before: 'in_progress', after: 'resolved' },
        resolutionCode: { after: 'fixed' },
      },
    });
  });

  it('publishes a major incident declaration', async () => {
    const events = new TestEventsService();
    const server = await startBackend(withEvents(events));
    await request(server)
      .post(api('/incidents'))
      .send(report({ impact: 'high', urgency: 'high' }));
    events.reset();
    const declared = await request(server)
      .post(api('/incidents/INC-1001/major'))
      .send({ reason: 'Payments down for all customers' });
    expect(declared.status).toBe(200);
    expect(events.published.map(e => e.topic)).toEqual([
      'itsm.incident.updated',
      'itsm.incident.major-declared',
    ]);
    expect(events.published[1].eventPayload).toMatchObject({
      ref: 'INC-1001',
      major: true,
      changes: { major: { before: false, after: true } },
    });
  });

  it('publishes problem and change events', async () => {
    const events = new TestEventsService();
    const server = await startBackend(withEvents(events));
    const problem = await request(server)
      .post(api('/problems'))
      .send({ title: 'Database too old', affectedServices: ['payments-api'] });
    expect(problem.status).toBe(201);
    const investigating = await request(server)
      .patch(api('/problems/PRB-1001'))
      .send({ version: 1, status: 'investigating' });
    expect(investigating.status).toBe(200);
    const change = await request(server)
      .post(api('/changes'))
      .send(requestChange);
    expect(change.status).toBe(201);
    const assess = await request(server)
      .patch(api('/changes/CHG-1001'))
      .send({ version: 1, status: 'assess' });
    expect(assess.status).toBe(200);

    expect(
      events.published.map(e => [
        e.topic,
        (e.eventPayload as { ref: string }).ref,
      ]),
    ).toEqual([
      ['itsm.problem.created', 'PRB-1001'],
      ['itsm.problem.updated', 'PRB-1001'],
      ['itsm.change.created', 'CHG-1001'],
      ['itsm.change.updated', 'CHG-1001'],
    ]);
    expect(events.published[1].eventPayload).toMatchObject({
      kind: 'problem',
      entityRef: 'component:default/payments-api',
      status: 'investigating',
      changes: { status: { before: 'new', after: 'investigating' } },
    });
    expect(events.published[3].eventPayload).toMatchObject({
      kind: 'change',
      type: 'normal',
      risk: 'high',
      entityRef: 'component:default/payments-api',
      changes: { status: { before: 'new', after: 'assess' } },
    });
  });

  it('keeps the write when publishing fails', async () => {
    const events = mockServices.events.mock({
      publish: jest.fn().mockRejectedValue(new Error('events bus down')),
    });
    const server = await startBackend(events.factory);
    const created = await request(server)
      .post(api('/incidents'))
      .send(report());
    expect(created.status).toBe(201);
    expect(events.publish).toHaveBeenCalledWith(
      expect.objectContaining({ topic: 'itsm.incident.created' }),
    );
    expect(
      (await request(server).get(api('/incidents/INC-1001'))).body,
    ).toMatchObject({ ref: 'INC-1001', version: 1 });
    expect(
      (await request(server).post(api('/problems')).send({ title: 'Old DB' }))
        .status,
    ).toBe(201);
    expect(
      (await request(server).post(api('/changes')).send(requestChange)).status,
    ).toBe(201);
  });

  it('does not hold the write while the events bus is slow', async () => {
    // A bus that never answers: the write must still return
    const publish = jest.fn(() => new Promise<void>(() => {}));
    const events = mockServices.events.mock({ publish });
    const server = await startBackend(events.factory);
    const created = await request(server)
      .post(api('/incidents'))
      .send(report());
    expect(created.status).toBe(201);
    const acked = await request(server)
      .patch(api('/incidents/INC-1001'))
      .send({ version: 1, status: 'acknowledged' });
    expect(acked.status).toBe(200);
    // One at a time, in the order the writes committed: the second waits
    expect(publish).toHaveBeenCalledTimes(1);
    expect(publish).toHaveBeenCalledWith(
      expect.objectContaining({ topic: 'itsm.incident.created' }),
    );
  });
});

describe('alerts from an events topic', () => {
  const alert = {
    dedupKey: 'payments-api/http-5xx',
    status: 'firing',
    title: 'Payments API answers 5xx',
    service: 'payments-api',
    severity: 'critical',
  };

  const start = async (ingest: object) => {
    const events = new TestEventsService();
    const server = await startBackend(
      withEvents(events),
      mockServices.rootConfig.factory({ data: { itsm: { ingest } } }),
    );
    return { events, server };
  };

  it('opens one incident per alert, however often it arrives', async () => {
    const { events, server } = await start({
      eventsTopic: 'monitoring.alerts',
    });
    const [subscription] = events.subscribed;
    expect(subscription.topics).toEqual(['monitoring.alerts']);
    const deliver = (eventPayload: unknown) =>
      subscription.onEvent({ topic: 'monitoring.alerts', eventPayload });

    await deliver(alert);
    await deliver(alert);
    await deliver(JSON.stringify(alert));
    // Not an alert: dropped, nothing written
    await deliver({ hello: 'world' });

    const list = await request(server).get(
      api('/incidents?entityRef=component:default/payments-api'),
    );
    expect(list.body.items).toEqual([
      expect.objectContaining({
        title: 'Payments API answers 5xx',
        priority: 'P1',
        source: 'generic',
        reporter: 'plugin:itsm/events',
        status: 'new',
      }),
    ]);
    expect(
      events.published.filter(e => e.topic === 'itsm.incident.created'),
    ).toHaveLength(1);
  });

  it('subscribes to nothing when no topic is configured', async () => {
    const { events } = await start({});
    expect(events.subscribed).toEqual([]);
  });
});
