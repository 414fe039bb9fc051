import request from 'supertest';
import {
  layer,
  paymentsSchedule,
  startBackend,
} from './__testUtils__/oncallBackend';

jest.setTimeout(30_000);

describe('on-call over HTTP', () => {
  it('manages schedules with validation naming the field, and versions', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/schedules')
      .send(paymentsSchedule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'payments-oncall',
      ownerGroup: 'group:default/payments-team',
      version: 1,
    });
    expect(created.body.layers[0].users).toEqual([
      'user:default/alice',
      'user:default/bob',
    ]);

    const badZone = await request(server)
      .post('/api/itsm/schedules')
      .send({ ...paymentsSchedule, name: 'x', timezone: 'Mars/Olympus' });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.message).toMatch(/^timezone: /);

    const unknownUser = await request(server)
      .post('/api/itsm/schedules')
      .send({
        ...paymentsSchedule,
        name: 'y',
        layers: [layer('primary', ['alice', 'nobody'])],
      });
    expect(unknownUser.status).toBe(400);
    expect(unknownUser.body.error.message).toMatch(
      /layers\[0\]\.users\[1\]: unknown entity user:default\/nobody/,
    );

    const duplicate = await request(server)
      .post('/api/itsm/schedules')
      .send(paymentsSchedule);
    expect(duplicate.status).toBe(409);

    const override = {
      layer: 'primary',
      user: 'ivan',
      from: '2026-11-20T18:00:00Z',
      to: '2026-11-21T08:00:00Z',
      reason: 'I take Friday night',
    };
    const patched = await request(server)
      .patch(`/api/itsm/schedules/${created.body.id}`)
      .send({ version: 1, overrides: [override] });
    expect(patched.status).toBe(200);
    expect(patched.body.overrides).toEqual([
      {
        ...override,
        user: 'user:default/ivan',
        from: '2026-11-20T18:00:00.000Z',
        to: '2026-11-21T08:00:00.000Z',
      },
    ]);
    const stale = await request(server)
      .patch(`/api/itsm/schedules/${created.body.id}`)
      .send({ version: 1, timezone: 'UTC' });
    expect(stale.status).toBe(409);

    const badOverride = await request(server)
      .patch(`/api/itsm/schedules/payments-oncall`)
      .send({ version: 2, overrides: [{ ...override, layer: 'tertiary' }] });
    expect(badOverride.status).toBe(400);
    expect(badOverride.body.error.message).toMatch(/^overrides\[0\]\.layer/);

    const listed = await request(server)
      .get('/api/itsm/schedules')
      .query({ ownerGroup: 'payments-team' });
    expect(listed.body.items.map((s: any) => s.name)).toEqual([
      'payments-oncall',
    ]);
    expect((await request(server).get('/api/itsm/schedules/nope')).status).toBe(
      404,
    );
  });
});
