import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  as,
  requestChange,
  startBackend,
} from './__testUtils__/changesBackend';

jest.setTimeout(30_000);

const PAY = 'component:default/payments-api';

describe('GET /changes/gate', () => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    server = await startBackend();
  });

  const gate = (query: Record<string, string>) =>
    request(server).get('/api/itsm/changes/gate').query(query);
  const codes = (res: request.Response) =>
    res.body.reasons.map((r: { code: string; changeRef?: string }) =>
      [r.code, r.changeRef].filter(Boolean).join(':'),
    );

  async function createChange(fields: object) {
    const res = await request(server)
      .post('/api/itsm/changes')
      .send({ ...requestChange, ...fields });
    expect(res.status).toBe(201);
    return res.body as { ref: string; version: number };
  }
  async function move(ref: string, body: object) {
    const res = await request(server)
      .patch(`/api/itsm/changes/${ref}`)
      .send(body);
    expect(res.status).toBe(200);
    return res.body as { version: number; status: string };
  }
  const approve = (ref: string) =>
    request(server)
      .post(`/api/itsm/changes/${ref}/approvals`)
      .set('Authorization', as('carol'))
      .send({ decision: 'approved', comment: 'OK' });

  it.each`
    query                                             | field          | message
    ${{}}                                             | ${'entityRef'} | ${/entityRef/}
    ${{ entityRef: PAY, at: 'not-a-date' }}           | ${'at'}        | ${/^at must be an ISO 8601 date-time/}
    ${{ entityRef: PAY, at: '99999-01-01' }}          | ${'at'}        | ${/^at must be an ISO 8601 date-time/}
    ${{ entityRef: PAY, at: '2026-02-30T10:00:00Z' }} | ${'at'}        | ${/^at must be an ISO 8601 date-time on a real calendar date/}
    ${{ entityRef: 'not a ref:/' }}                   | ${'entityRef'} | ${/^entityRef: "not a ref:\/" is not an entity ref/}
  `('refuses $query with a 400 naming $field', async ({ query, message }) => {
    const res = await gate(query);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/select|where|knex/i);
  });

  it('answers an unknown service: no change, not allowed', async () => {
    const res = await gate({
      entityRef: 'component:default/nobody-knows',
      at: '2026-12-01T11:00:00Z',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: 'component:default/nobody-knows',
      at: '2026-12-01T11:00:00.000Z',
      allowed: false,
      reasons: [
        {
          code: 'no_change',
          message:
            'No approved change of component:default/nobody-knows has its window open at 2026-12-01T11:00:00.000Z',
        },
      ],
    });
  });

  it('opens during the window of a change the CAB approved, and only then', async () => {
    const { ref } = await createChange({
      plannedStart: '2026-12-02T10:00:00Z',
      plannedEnd: '2026-12-02T12:00:00Z',
    });
    await move(ref, { version: 1, status: 'assess' });
    await move(ref, { version: 2, status: 'authorize' });
    const during = { entityRef: 'payments-api', at: '2026-12-02T11:00:00Z' };
    expect(codes(await gate(during))).toEqual([
      'no_change',
      `awaiting_approval:${ref}`,
    ]);

    expect((await approve(ref)).body.status).toBe('scheduled');
    const open = await gate(during);
    expect(open.body).toMatchObject({
      entityRef: PAY,
      allowed: true,
      change: { ref, status: 'scheduled', affectedServices: [PAY] },
      until: '2026-12-02T12:00:00.000Z',
    });
    expect(codes(open)).toEqual([`change_window_open:${ref}`]);

    const atStart = await gate({ ...during, at: '2026-12-02T10:00:00Z' });
    expect(atStart.body.allowed).toBe(true);
    const atEnd = await gate({ ...during, at: '2026-12-02T12:00:00Z' });
    expect(codes(atEnd)).toEqual(['no_change', `window_closed:${ref}`]);
    const before = await gate({ ...during, at: '2026-12-02T08:00:00Z' });
    expect(before.body.reasons[1]).toEqual({
      code: 'window_not_open',
      changeRef: ref,
      at: '2026-12-02T10:00:00.000Z',
      message: `${ref}'s window opens at 2026-12-02T10:00:00.000Z`,
    });
    // Another service is not deployed under this change
    const ledger = await gate({ ...during, entityRef: 'ledger' });
    expect(codes(ledger)).toEqual(['no_change']);
  });

  it('stops a standard change in a freeze, lets an emergency change through once the ECAB approved it', async () => {
    const inFreeze = {
      affectedServices: ['ledger'],
      plannedStart: '2026-12-24T08:00:00Z',
      plannedEnd: '2026-12-24T18:00:00Z',
    };
    const standard = await createChange({ ...inFreeze, type: 'standard' });
    await move(standard.ref, { version: 1, status: 'assess' });
    await move(standard.ref, {
      version: 2,
      status: 'scheduled',
      freezeOverrideReason: 'Routine certificate rotation',
    });
    const during = { entityRef: 'ledger', at: '2026-12-24T10:00:00Z' };
    const frozen = await gate(during);
    expect(frozen.body.allowed).toBe(false);
    expect(codes(frozen)).toEqual([`frozen:${standard.ref}`, 'freeze']);
    expect(frozen.body.reasons[1].message).toBe(
      "Freeze 'Year-end freeze' until 2027-01-03T00:00:00.000Z: only emergency changes approved by the ECAB may proceed",
    );

    const emergency = await createChange({ ...inFreeze, type: 'emergency' });
    await move(emergency.ref, { version: 1, status: 'assess' });
    await move(emergency.ref, { version: 2, status: 'implement' });
    expect(codes(await gate(during))).toEqual([
      `frozen:${standard.ref}`,
      `frozen:${emergency.ref}`,
      'freeze',
    ]);
    expect((await approve(emergency.ref)).status).toBe(201);
    const allowed = await gate(during);
    expect(allowed.body).toMatchObject({
      allowed: true,
      change: { ref: emergency.ref, type: 'emergency' },
      reasons: [
        {
          code: 'emergency_change',
          changeRef: emergency.ref,
          freeze: 'Year-end freeze',
        },
      ],
    });
  });

  it('lets an emergency change be implemented before its approval, not after the ECAB rejected it', async () => {
    const { ref } = await createChange({
      type: 'emergency',
      plannedStart: '2026-12-05T10:00:00Z',
      plannedEnd: '2026-12-05T12:00:00Z',
    });
    await move(ref, { version: 1, status: 'assess' });
    await move(ref, { version: 2, status: 'implement' });
    const during = { entityRef: 'payments-api', at: '2026-12-05T11:00:00Z' };
    expect(codes(await gate(during))).toEqual([`emergency_change:${ref}`]);

    const rejected = await request(server)
      .post(`/api/itsm/changes/${ref}/approvals`)
      .set('Authorization', as('carol'))
      .send({ decision: 'rejected', comment: 'Roll it back' });
    expect(rejected.status).toBe(201);
    expect(codes(await gate(during))).toEqual([
      'no_change',
      `approval_rejected:${ref}`,
    ]);
  });

  it('answers services (API tokens) and defaults `at` to now', async () => {
    const before = Date.now();
    const res = await request(server)
      .get('/api/itsm/changes/gate?entityRef=payments-api')
      .set('Authorization', mockCredentials.service.header());
    expect(res.status).toBe(200);
    expect(Date.parse(res.body.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.at)).toBeLessThanOrEqual(Date.now());
  });
});
