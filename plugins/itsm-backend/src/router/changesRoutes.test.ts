import request from 'supertest';
import {
  as,
  CAB,
  requestChange,
  startBackend,
} from './__testUtils__/changesBackend';

jest.setTimeout(30_000);

describe('changes over HTTP', () => {
  it('runs a normal change through CAB approval, rejection and closure', async () => {
    const server = await startBackend();
    const noProblem = await request(server)
      .post('/api/itsm/changes')
      .send({ ...requestChange, problemRef: 'prb-1001' });
    expect(noProblem.status).toBe(400);
    expect(noProblem.body.error.message).toMatch(
      /^problemRef: there is no problem PRB-1001/,
    );
    await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Database too old', addedServices: ['payments-api'] });
    const created = await request(server)
      .post('/api/itsm/changes')
      .send({ ...requestChange, problemRef: 'prb-1001' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ref: 'CHG-1001',
      status: 'new',
      requester: 'user:default/mock',
      affectedServices: ['component:default/payments-api'],
      problemRef: 'PRB-1001',
      version: 1,
    });
    const url = `/api/itsm/changes/${created.body.ref}`;
    const patch = (body: object) => request(server).patch(url).send(body);
    const approve = (name: string, body: object) =>
      request(server)
        .post(`${url}/approvals`)
        .set('Authorization', as(name))
        .send(body);

    expect((await patch({ version: 1, status: 'assess' })).status).toBe(200);
    const skipped = await patch({ version: 2, status: 'scheduled' });
    expect(skipped.status).toBe(400);
    expect(skipped.body.error.message).toBe(
      'Cannot move a normal change from assess to scheduled; allowed from assess: authorize, cancelled',
    );
    const authorizing = await patch({ version: 2, status: 'authorize' });
    expect(authorizing.body).toMatchObject({
      status: 'authorize',
      approvalRound: 1,
      requiredApprovers: [CAB],
      approval: { state: 'pending', missingGroups: [CAB] },
    });
    const early = await patch({ version: 3, status: 'scheduled' });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(
      /still waiting for an approval from group:default\/cab/,
    );

    // Nobody approves their own change, nor outside the approver group
    const self = await approve('mock', { decision: 'approved' });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe('Nobody approves their own change');
    const outsider = await approve('dave', { decision: 'approved' });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toMatch(
      /Only members of group:default\/cab/,
    );

    // A rejection sends it back to assess with the reason
    const noReason = await approve('carol', { decision: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toBe(
      'comment is required to reject a change',
    );
    const rejected = await approve('carol', {
      decision: 'rejected',
      comment: 'The backout plan needs a tested snapshot',
    });
    expect(rejected.status).toBe(201);
    expect(rejected.body).toMatchObject({
      status: 'assess',
      approval: { state: 'rejected' },
    });

    // A new round: approved → scheduled by itself
    expect(
      (await patch({ version: 4, status: 'authorize' })).body,
    ).toMatchObject({
      approvalRound: 2,
      approval: { state: 'pending' },
    });
    const approved = await approve('carol', {
      decision: 'approved',
      comment: 'OK',
    });
    expect(approved.body).toMatchObject({
      status: 'scheduled',
      approval: { state: 'approved' },
      approvals: [
        { approver: 'user:default/carol', decision: 'rejected', round: 1 },
        {
          approver: 'user:default/carol',
          decision: 'approved',
          round: 2,
          group: CAB,
        },
      ],
    });
    const v = approved.body.version;
    expect(
      (await patch({ version: v, status: 'implement' })).body.actualStart,
    ).toBeDefined();
    expect((await patch({ version: v + 1, status: 'review' })).status).toBe(
      200,
    );
    const noOutcome = await patch({ version: v + 2, status: 'closed' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.error.message).toMatch(/outcome is required/);
    const closed = await patch({
      version: v + 2,
      status: 'closed',
      outcome: 'rolled_back',
    });
    expect(closed.body).toMatchObject({
      status: 'closed',
      outcome: 'rolled_back',
    });
    expect(closed.body.closedAt).toBeDefined();

    const stale = await patch({ version: 1, title: 'x' });
    expect(stale.status).toBe(409);

    const events = await request(server).get(`${url}/events`);
    expect(events.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'status_changed', // assess
      'status_changed', // authorize
      'approval', // rejected
      'status_changed', // back to assess
      'status_changed', // authorize, round 2
      'approval', // approved
      'status_changed', // scheduled by itself
      'status_changed', // implement
      'status_changed', // review
      'fields_changed', // outcome
      'status_changed', // closed
    ]);
  });

  it('shows conflicts, and schedules into a freeze only with a reason', async () => {
    const server = await startBackend();
    const standard = { ...requestChange, type: 'standard', risk: 'low' };
    const first = await request(server)
      .post('/api/itsm/changes')
      .send(standard);
    const touching = await request(server)
      .post('/api/itsm/changes')
      .send({
        ...standard,
        plannedStart: '2026-12-01T12:00:00Z',
        plannedEnd: '2026-12-01T13:00:00Z',
      });
    const conflicts = await request(server)
      .get('/api/itsm/changes/conflicts')
      .query({
        services: 'component:default/payments-api,ledger',
        start: '2026-12-01T11:00:00Z',
        end: '2026-12-01T11:30:00Z',
      });
    expect(conflicts.body.items).toEqual([
      expect.objectContaining({ kind: 'overlap', changeRef: first.body.ref }),
    ]);
    expect(
      (await request(server).get(`/api/itsm/changes/${touching.body.id}`)).body
        .conflicts,
    ).toEqual([]);

    const frozen = await request(server)
      .post('/api/itsm/changes')
      .send({
        ...standard,
        plannedStart: '2026-12-24T10:00:00Z',
        plannedEnd: '2026-12-24T11:00:00Z',
      });
    const url = `/api/itsm/changes/${frozen.body.id}`;
    await request(server).patch(url).send({ version: 1, status: 'assess' });
    const refused = await request(server)
      .patch(url)
      .send({ version: 2, status: 'scheduled' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /freeze Year-end freeze; send freezeOverrideReason/,
    );
    const overridden = await request(server).patch(url).send({
      version: 2,
      status: 'scheduled',
      freezeOverrideReason: 'Security patch',
    });
    expect(overridden.body).toMatchObject({
      status: 'scheduled',
      freezeOverrideReason: 'Security patch',
      conflicts: [
        expect.objectContaining({ kind: 'freeze', freeze: 'Year-end freeze' }),
      ],
    });

    const bad = await request(server)
      .post('/api/itsm/changes')
      .send({ ...standard, plannedEnd: '2026-12-01T09:00:00Z' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'plannedEnd must be after plannedStart',
    );
    const badType = await request(server)
      .post('/api/itsm/changes')
      .send({ ...standard, type: 'urgent' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(/type/);
  });

  it('takes an emergency change to implement first and approves it in review', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/changes')
      .send({ ...requestChange, type: 'emergency' });
    const url = `/api/itsm/changes/${created.body.id}`;
    await request(server).patch(url).send({ version: 1, status: 'assess' });
    await request(server).patch(url).send({ version: 2, status: 'implement' });
    await request(server).patch(url).send({ version: 3, status: 'review' });
    const unapproved = await request(server)
      .patch(url)
      .send({ version: 4, status: 'closed', outcome: 'successful' });
    expect(unapproved.status).toBe(400);
    expect(unapproved.body.error.message).toMatch(/not approved/);
    const approved = await request(server)
      .post(`${url}/approvals`)
      .set('Authorization', as('carol'))
      .send({ decision: 'approved' });
    expect(approved.body).toMatchObject({
      status: 'review',
      approval: { state: 'approved' },
    });
    const closed = await request(server).patch(url).send({
      version: approved.body.version,
      status: 'closed',
      outcome: 'successful',
    });
    expect(closed.body.status).toBe('closed');
  });
});
