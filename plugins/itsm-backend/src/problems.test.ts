import request from 'supertest';
import { report, startBackend } from './__testUtils__/problemsBackend';

jest.setTimeout(30_000);

describe('problems over HTTP', () => {
  it('opens a problem from incidents and runs it through its lifecycle, with timelines', async () => {
    const server = await startBackend();
    const a = await request(server).post('/api/itsm/incidents').send(report());
    const b = await request(server)
      .post('/api/itsm/incidents')
      .send(report({ affectedServices: ['ledger'] }));

    const created = await request(server)
      .post('/api/itsm/problems')
      .send({
        title: 'Acquirer flaps',
        incidentIds: [a.body.ref, b.body.id],
        affectedServices: ['search'],
        ownerGroup: 'sre',
      });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ref: 'PRB-1001',
      status: 'new',
      incidentCount: 2,
      ownerGroup: 'group:default/sre',
      addedServices: ['component:default/search'],
      createdBy: 'user:default/mock',
      version: 1,
    });
    expect([...created.body.affectedServices].sort()).toEqual([
      'component:default/ledger',
      'component:default/payments-api',
      'component:default/search',
    ]);
    const id = created.body.id;

    const incidentTimeline = await request(server).get(
      `/api/itsm/incidents/${a.body.id}/timeline`,
    );
    expect(incidentTimeline.body.items.map((e: any) => e.message)).toContain(
      'Linked to problem PRB-1001',
    );
    const linked = await request(server)
      .get('/api/itsm/incidents')
      .query({ problemId: id });
    expect(linked.body.items.map((i: any) => i.ref).sort()).toEqual([
      'INC-1001',
      'INC-1002',
    ]);

    const patch = (body: object) =>
      request(server).patch(`/api/itsm/problems/PRB-1001`).send(body);
    expect(
      (await patch({ version: 1, status: 'investigating' })).body,
    ).toMatchObject({
      status: 'investigating',
      version: 2,
    });
    const noCause = await patch({ version: 2, status: 'known_error' });
    expect(noCause.status).toBe(400);
    expect(noCause.body.error.message).toBe(
      'status: rootCause is required to move a problem to known_error',
    );
    const closed = await patch({ version: 2, status: 'closed' });
    expect(closed.status).toBe(200); // not a problem after all
    const reopened = await patch({ version: 3, status: 'new' });
    expect(reopened.status).toBe(400);
    expect(reopened.body.error.message).toMatch(/closed is final/);
  });

  it('records root cause, known error, fix change and resolution; 409 on a stale version', async () => {
    const server = await startBackend();
    const created = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Ledger exports time out', affectedServices: ['ledger'] });
    const url = `/api/itsm/problems/${created.body.id}`;
    await request(server)
      .patch(url)
      .send({ version: 1, status: 'investigating' });
    const known = await request(server).patch(url).send({
      version: 2,
      status: 'known_error',
      rootCause: 'Export query scans the whole table',
    });
    expect(known.body).toMatchObject({
      status: 'known_error',
      rootCause: 'Export query scans the whole table',
      version: 3,
    });
    const cleared = await request(server)
      .patch(url)
      .send({ version: 3, rootCause: null });
    expect(cleared.status).toBe(400);
    expect(cleared.body.error.message).toBe(
      'rootCause is required while a problem is known_error; it cannot be cleared',
    );
    const stale = await request(server)
      .patch(url)
      .send({ version: 2, title: 'x' });
    expect(stale.status).toBe(409);
    const fix = await request(server)
      .post('/api/itsm/changes')
      .send({
        title: 'Raise the export timeout',
        type: 'standard',
        risk: 'low',
        affectedServices: ['ledger'],
        plannedStart: '2026-12-01T10:00:00Z',
        plannedEnd: '2026-12-01T11:00:00Z',
        problemRef: created.body.ref.toLowerCase(),
      });
    expect(fix.body).toMatchObject({ ref: 'CHG-1001', problemRef: 'PRB-1001' });
    let version = 1;
    for (const body of [
      { status: 'assess' },
      { status: 'scheduled' },
      { status: 'implement' },
      { status: 'review', outcome: 'successful' },
      { status: 'closed' },
    ]) {
      const moved = await request(server)
        .patch(`/api/itsm/changes/${fix.body.id}`)
        .send({ version, ...body });
      expect(moved.status).toBe(200);
      version = moved.body.version;
    }
    const resolved = await request(server)
      .patch(url)
      .set('If-Match', '"3"')
      .send({ status: 'resolved' });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      fixChanges: [
        expect.objectContaining({
          ref: 'CHG-1001',
          status: 'closed',
          outcome: 'successful',
        }),
      ],
      version: 4,
    });
    expect(resolved.body.resolvedAt).toBeDefined();

    const timeline = await request(server).get(`${url}/timeline`);
    expect(timeline.body.items.map((e: any) => e.type)).toEqual([
      'created',
      'status_changed',
      'fields_changed',
      'status_changed',
      'changes_linked',
      'change_outcome',
      'change_outcome',
      'status_changed',
    ]);
    expect(timeline.body.items[7].message).toBe(
      'Status known_error → resolved (fixed by CHG-1001)',
    );

    const listed = await request(server)
      .get('/api/itsm/problems')
      .query({ status: 'resolved', entityRef: 'component:default/ledger' });
    expect(listed.body.items.map((p: any) => p.ref)).toEqual(['PRB-1001']);
    const noRef = await request(server).get('/api/itsm/report-suggestions');
    expect(noRef.status).toBe(400);
    expect(noRef.body.error.message).toMatch(/entityRef/);
    const bad = await request(server)
      .get('/api/itsm/problems')
      .query({ status: 'solved' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^status: "solved" is not one of/);
  });

  it('links and unlinks incidents; an incident belongs to one problem at most', async () => {
    const server = await startBackend();
    const a = await request(server).post('/api/itsm/incidents').send(report());
    const p1 = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'One', incidentIds: [a.body.id] });
    const p2 = await request(server)
      .post('/api/itsm/problems')
      .send({ title: 'Two' });

    const taken = await request(server)
      .post(`/api/itsm/problems/${p2.body.id}/incidents`)
      .send({ version: 1, link: [a.body.ref] });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toMatch(/INC-1001 is already linked/);

    const unknown = await request(server)
      .post(`/api/itsm/problems/${p2.body.id}/incidents`)
      .send({ version: 1, link: ['INC-9999'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('link[0]: no incident INC-9999');

    const unlinked = await request(server)
      .post(`/api/itsm/problems/${p1.body.id}/incidents`)
      .send({ version: 1, unlink: [a.body.id] });
    expect(unlinked.body).toMatchObject({ incidentCount: 0, version: 2 });
    expect(unlinked.body.affectedServices).toEqual([]);
    const moved = await request(server)
      .post(`/api/itsm/problems/${p2.body.id}/incidents`)
      .set('If-Match', '1')
      .send({ link: [a.body.ref] });
    expect(moved.body).toMatchObject({ incidentCount: 1, version: 2 });
    const incident = await request(server).get(
      `/api/itsm/incidents/${a.body.id}`,
    );
    expect(incident.body.problemId).toBe(p2.body.id);
  });
});
