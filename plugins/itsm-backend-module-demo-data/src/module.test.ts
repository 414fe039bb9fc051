import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import yaml from 'js-yaml';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import itsmBackend from '@openitsm/backstage-plugin-itsm-backend';
import itsmModuleDemoData from './index';

jest.setTimeout(180_000);

const root = path.resolve(__dirname, '../../..');

/** The example catalog, with the memberOf relations the catalog would add. */
function exampleEntities(): Entity[] {
  const entities = ['examples/entities.yaml', 'examples/org.yaml'].flatMap(
    file =>
      yaml.loadAll(fs.readFileSync(path.join(root, file), 'utf8')) as Entity[],
  );
  const ref = (e: Entity) =>
    `${e.kind}:${e.metadata.namespace ?? 'default'}/${
      e.metadata.name
    }`.toLocaleLowerCase('en-US');
  for (const group of entities.filter(e => e.kind === 'Group')) {
    const members = (group.spec?.members as string[] | undefined) ?? [];
    for (const user of entities.filter(
      e => e.kind === 'User' && members.includes(e.metadata.name),
    )) {
      user.relations = [
        ...(user.relations ?? []),
        { type: 'memberOf', targetRef: ref(group) },
      ];
    }
  }
  return entities;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise(r => setTimeout(r, 500));
  }
}

describe('demo data module', () => {
  it('loads the example data set through the ITSM rules, once the catalog lists the services', async () => {
    const appConfig = yaml.load(
      fs.readFileSync(path.join(root, 'app-config.yaml'), 'utf8'),
    ) as { itsm: object };
    const { server } = await startTestBackend({
      features: [
        itsmBackend,
        itsmModuleDemoData,
        catalogServiceMock.factory({ entities: exampleEntities() }),
        mockServices.rootConfig.factory({
          data: {
            itsm: {
              ...appConfig.itsm,
              demoData: { directory: path.join(root, 'examples/itsm-seed') },
            },
          },
        }),
      ],
    });
    const api = (url: string) =>
      request(server)
        .get(`/api/itsm${url}`)
        .then(r => r.body);

    // Major incidents are loaded last: once they are in, everything is.
    const majors = await until(
      () => api('/incidents?major=true'),
      page => page.items?.length === 1,
    );
    expect(majors.items[0]).toMatchObject({
      title: 'Ledger write path down: card payments failing',
      priority: 'P1',
      status: 'in_progress',
      major: true,
    });
    // Its updates come last
    const major = await until(
      () => api(`/incidents/${majors.items[0].ref}/major`),
      view => view.updates?.length === 2,
    );
    expect(major.roles.map((r: any) => r.role)).toEqual([
      'commander',
      'communications',
      'operations-lead',
      'scribe',
    ]);
    expect(major.updates.map((u: any) => u.stage)).toEqual([
      'identified',
      'investigating',
    ]);
    expect(major.subscribers.map((s: any) => s.ref)).toEqual(
      expect.arrayContaining([
        'group:default/payments-team',
        'group:default/leadership',
        'group:default/sre',
        'user:default/heidi',
      ]),
    );
    const status = await api('/status');
    expect(status.services[0]).toMatchObject({
      entityRef: 'component:default/ledger',
      state: 'major_outage',
    });
    const changes = await api('/changes?limit=10');
    expect(
      changes.items.map((c: any) => [c.ref, c.type, c.status, c.outcome]),
    ).toEqual([
      ['CHG-1006', 'normal', 'scheduled', undefined],
      ['CHG-1005', 'normal', 'scheduled', undefined],
      ['CHG-1004', 'normal', 'authorize', undefined],
      ['CHG-1003', 'emergency', 'closed', 'successful'],
      ['CHG-1002', 'standard', 'closed', 'successful'],
      ['CHG-1001', 'normal', 'closed', 'rolled_back'],
      ['CHG-1007', 'standard', 'closed', 'successful'],
    ]);
    expect(changes.items[0].freezeOverrideReason).toMatch(/Finance/);
    const rolledBack = await api('/changes/CHG-1001');
    expect(rolledBack.causedIncidents).toEqual([
      expect.objectContaining({ status: 'resolved' }),
    ]);

    // 400 incidents, the one the rolled-back change caused and the major one
    const incidents = await api('/incidents?limit=1');
    expect(incidents.totalCount).toBe(402);
    const first = await api('/incidents/INC-1001/timeline?limit=1');
    expect(first.items[0]).toMatchObject({ type: 'created' });

    const problems = await api('/problems?limit=10');
    expect(
      problems.items
        .map((p: any) => [p.title, p.status, p.incidentCount > 0])
        .reverse(),
    ).toEqual([
      ['Payments API slows down under peak load', 'known_error', true],
      [
        'Checkout rejects valid requests after schema change',
        'fix_in_progress',
        true,
      ],
      ['Billing worker sends duplicate receipts', 'resolved', true],
    ]);
    // One link, read from both sides; a rolled-back fix is on the timeline
    const payments = problems.items.find((p: any) => p.ref === 'PRB-1001');
    expect(
      payments.fixChanges.map((c: any) => [c.ref, c.status, c.outcome]),
    ).toEqual([
      ['CHG-1001', 'closed', 'rolled_back'],
      ['CHG-1003', 'closed', 'successful'],
    ]);
    const paymentsTimeline = await api('/problems/PRB-1001/timeline');
    expect(paymentsTimeline.items.map((e: any) => e.message)).toContain(
      'Change CHG-1001 closed: rolled back; the problem is not fixed by it',
    );
    const billing = problems.items.find((p: any) => p.ref === 'PRB-1003');
    expect(billing.fixChanges.map((c: any) => c.ref)).toEqual(['CHG-1007']);
    const open = await api(
      '/workarounds?entityRef=component:default/payments-api&open=true',
    );
    expect(open.items.map((w: any) => [w.title, w.useCount])).toEqual([
      ['Raise the acquirer pool size and restart the pods', 3],
    ]);
    const known = await api(
      '/workarounds?entityRef=component:default/notifications-gateway&open=true',
    );
    expect(known.items.map((w: any) => w.problemRef)).toEqual([undefined]);

    const schedules = await api('/schedules');
    expect(schedules.items.length).toBeGreaterThan(0);

    // Reviews come after changes: one published, one in review, one to write
    const published = await until(
      () => api('/reviews?status=published'),
      page => page.items?.length === 1,
    );
    const [session] = published.items;
    expect(session).toMatchObject({
      incidentTitle: 'Session store pods crash-looping after deploy',
      major: true,
      reviewStatus: 'published',
    });
    const inReview = await api('/reviews?status=in_review');
    expect(inReview.items).toEqual([
      expect.objectContaining({
        incidentTitle: 'SMS provider errors on notifications-gateway',
        blocksClosing: true,
      }),
    ]);
    const toWrite = await api('/reviews?status=to_write');
    // Both majors still open: the ledger's (major-incidents.json) and the
    // payments one reviews.json leaves for the end-to-end test to close
    expect(toWrite.items.map((i: any) => i.incidentTitle)).toEqual([
      'Ledger write path down: card payments failing',
      'Payments API returning 5xx errors',
    ]);
    const review = await api(`/incidents/${session.incidentRef}/review`);
    expect(review.actionItems.map((i: any) => [i.status, i.overdue])).toEqual([
      ['in_progress', true],
      ['open', false],
      ['done', false],
    ]);
    expect(review.approvals).toHaveLength(1);
    const overdue = await api('/action-items?overdue=true');
    expect(overdue.items).toHaveLength(2);
    const markdown = await request(server).get(
      `/api/itsm/incidents/${session.incidentRef}/review?format=md`,
    );
    expect(markdown.text).toContain(
      `# Post-incident review: ${session.incidentRef} — Session store pods crash-looping after deploy`,
    );
    if (process.env.ITSM_DEMO_REVIEW_MD) {
      fs.writeFileSync(process.env.ITSM_DEMO_REVIEW_MD, markdown.text);
    }
  });

  it('is inert without itsm.demoData.directory', async () => {
    const { server } = await startTestBackend({
      features: [
        itsmBackend,
        itsmModuleDemoData,
        catalogServiceMock.factory({ entities: exampleEntities() }),
      ],
    });
    await new Promise(r => setTimeout(r, 1000));
    const incidents = await request(server).get('/api/itsm/incidents');
    expect(incidents.body.items).toEqual([]);
  });
});
