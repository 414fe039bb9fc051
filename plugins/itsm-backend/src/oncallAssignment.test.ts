import request from 'supertest';
import {
  layer,
  paymentsSchedule,
  startBackend,
} from './__testUtils__/oncallBackend';

jest.setTimeout(30_000);

describe('on-call over HTTP', () => {
  it('assigns new incidents to the owner group and its current on-call', async () => {
    const server = await startBackend();
    await request(server)
      .post('/api/itsm/schedules')
      .send({ ...paymentsSchedule, layers: [layer('primary', ['bob'])] });
    const created = await request(server)
      .post('/api/itsm/incidents')
      .send({
        title: 'Card payments failing',
        affectedServices: ['payments-api'],
        category: 'availability',
        impact: 'high',
        urgency: 'high',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      assignedGroup: 'group:default/payments-team',
      assignee: 'user:default/bob',
    });
    const timeline = await request(server).get(
      `/api/itsm/incidents/${created.body.id}/timeline`,
    );
    expect(timeline.body.items.map((e: any) => e.message)).toContain(
      'Assigned automatically (owner and on-call) to group:default/payments-team / user:default/bob',
    );

    const explicit = await request(server)
      .post('/api/itsm/incidents')
      .send({
        title: 'Ledger slow',
        affectedServices: ['payments-api'],
        category: 'performance',
        impact: 'low',
        urgency: 'low',
        assignee: 'alice',
      });
    expect(explicit.body.assignee).toBe('user:default/alice');
    expect(explicit.body.assignedGroup).toBeUndefined();
  });
});
