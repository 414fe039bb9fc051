import { createServiceFactory } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { Knex } from 'knex';
import request from 'supertest';
import { paymentsSchedule, startBackend } from '../__testUtils__/oncallBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';

jest.setTimeout(60_000);

const databases = createTestDatabases();
const alice = mockCredentials.user('user:default/alice');

/**
 * The itsm backend whose actions land in a registry the test invokes, the
 * way the actions service would, with the caller's credentials.
 */
async function startWithActions(knex: Knex, permission?: AuthorizeResult) {
  const registry = actionsRegistryServiceMock();
  const server = await startBackend([
    mockServices.database.factory({ knex }),
    createServiceFactory({
      service: actionsRegistryServiceRef,
      deps: {},
      factory: () => registry,
    }),
    ...(permission === AuthorizeResult.DENY
      ? [mockServices.permissions.factory({ result: permission })]
      : []),
  ]);
  const invoke = (name: string, input: object) =>
    registry.invoke({
      id: `test:${name}`,
      input: input as any,
      credentials: alice,
    });
  return { server, registry, invoke };
}

describe.each(databases.eachSupportedId())('ITSM actions on %s', id => {
  let knex: Knex;
  beforeAll(async () => {
    knex = await databases.init(id);
  });

  it('registers each action with its attributes', async () => {
    const { registry } = await startWithActions(knex);
    const { actions } = await registry.list();
    const attributes = Object.fromEntries(
      actions.map(a => [a.name, a.attributes]),
    );
    const read = { readOnly: true, destructive: false, idempotent: true };
    const write = { readOnly: false, destructive: false, idempotent: false };
    expect(attributes).toEqual({
      'who-is-on-call': read,
      'list-open-itsm-incidents': read,
      'list-open-itsm-workarounds': read,
      'get-itsm-incident': read,
      'search-itsm-known-errors': read,
      'report-itsm-incident': write,
      'post-itsm-incident-update': write,
    });
    // The report's categories are the configured ones, for the model to pick
    const report = actions.find(a => a.name === 'report-itsm-incident')!;
    expect(report.schema.input).toMatchObject({
      properties: {
        category: { enum: expect.arrayContaining(['availability']) },
      },
    });
  });

  it('answers, reports and updates as the caller', async () => {
    const { server, invoke } = await startWithActions(knex);
    expect(
      (await request(server).post('/api/itsm/schedules').send(paymentsSchedule))
        .status,
    ).toBe(201);

    // 2026-11-20 is an odd day of the daily rotation: bob's
    const at = '2026-11-20T12:00:00.000Z';
    const { output: onCall } = await invoke('who-is-on-call', {
      entityRef: 'payments-api',
      at,
    });
    expect(onCall).toEqual({
      entityRef: 'component:default/payments-api',
      at,
      source: 'itsm',
      ownerGroup: 'group:default/payments-team',
      scheduleName: 'payments-oncall',
      levels: [
        {
          level: 1,
          name: 'primary',
          people: [
            {
              userRef: 'user:default/bob',
              displayName: 'BOB',
              email: 'bob@example.com',
              chatUrl: 'https://chat.example.com/@bob',
            },
          ],
          until: '2026-11-21T08:00:00.000Z',
          next: {
            person: expect.objectContaining({ userRef: 'user:default/alice' }),
            from: '2026-11-21T08:00:00.000Z',
          },
        },
        expect.objectContaining({
          level: 2,
          name: 'secondary',
          people: [expect.objectContaining({ displayName: 'BOB' })],
        }),
      ],
    });

    const { output: reported } = (await invoke('report-itsm-incident', {
      title: 'Card payments failing',
      affectedServices: ['payments-api'],
      category: 'availability',
      impact: 'high',
      urgency: 'medium',
    })) as { output: any };
    expect(reported.incident).toMatchObject({
      title: 'Card payments failing',
      priority: 'P2',
      status: 'new',
      reporter: 'user:default/alice',
      source: 'portal',
      affectedServices: ['component:default/payments-api'],
    });
    const ref = reported.incident.ref;

    const { output: open } = (await invoke('list-open-itsm-incidents', {
      entityRef: 'component:default/payments-api',
    })) as { output: any };
    expect(open.incidents.map((i: any) => i.ref)).toEqual([ref]);
    expect(open.more).toBe(false);

    const { output: posted } = await invoke('post-itsm-incident-update', {
      incident: ref,
      message: 'Rolled back the acquirer config',
    });
    expect(posted).toMatchObject({
      incidentRef: ref,
      update: {
        type: 'update',
        actor: 'user:default/alice',
        message: 'Rolled back the acquirer config',
      },
    });

    const { output: details } = (await invoke('get-itsm-incident', {
      incident: ref.toLowerCase(),
    })) as { output: any };
    expect(details.incident).toMatchObject({ ref, priority: 'P2' });
    expect(details.timeline[0]).toMatchObject({
      type: 'created',
      actor: 'user:default/alice',
    });
    expect(details.timeline.at(-1)).toMatchObject({
      type: 'update',
      message: 'Rolled back the acquirer config',
    });
    expect(details.earlierEvents).toBe(0);
    // Only the latest events when asked for fewer
    const { output: latest } = (await invoke('get-itsm-incident', {
      incident: ref,
      timelineLimit: 1,
    })) as { output: any };
    expect(latest.timeline.map((e: any) => e.type)).toEqual(['update']);
    expect(latest.earlierEvents).toBe(details.timeline.length - 1);
  });

  it('lists open workarounds and searches known errors', async () => {
    const { server, invoke } = await startWithActions(knex);
    const standalone = await request(server)
      .post('/api/itsm/workarounds')
      .send({
        title: 'Retry card payments on acquirer timeout',
        steps: 'Switch to the backup acquirer',
        affectedServices: ['payments-api'],
      });
    expect(standalone.status).toBe(201);
    const retired = await request(server)
      .post('/api/itsm/workarounds')
      .send({
        title: 'Old retry trick',
        steps: 'No longer works',
        affectedServices: ['payments-api'],
        status: 'retired',
      });
    expect(retired.status).toBe(201);

    const { output: open } = (await invoke('list-open-itsm-workarounds', {
      entityRef: 'payments-api',
    })) as { output: any };
    expect(open.workarounds.map((w: any) => w.ref)).toEqual([
      standalone.body.ref,
    ]);
    expect(open.workarounds[0]).toMatchObject({
      steps: 'Switch to the backup acquirer',
      status: 'active',
      useCount: 0,
    });

    const search = async (input: object) =>
      (
        (await invoke('search-itsm-known-errors', input)) as { output: any }
      ).output.knownErrors.map((w: any) => w.ref);
    expect(await search({ query: 'ACQUIRER timeout' })).toEqual([
      standalone.body.ref,
    ]);
    expect(await search({ query: 'retry', entityRef: 'ledger' })).toEqual([]);
    // Only open ones, and LIKE wildcards are text
    expect(await search({ query: 'old retry' })).toEqual([]);
    expect(await search({ query: '%%' })).toEqual([]);
  });

  it('refuses bad input through the registry, naming the field', async () => {
    const { invoke } = await startWithActions(knex);
    await expect(
      invoke('report-itsm-incident', {
        title: 'Down',
        affectedServices: ['payments-api'],
        category: 'availability',
        impact: 'extreme',
        urgency: 'high',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      cause: { issues: [expect.objectContaining({ path: ['impact'] })] },
    });
    await expect(invoke('who-is-on-call', {})).rejects.toMatchObject({
      name: 'InputError',
    });
    await expect(
      invoke('who-is-on-call', { entityRef: 'component:' }),
    ).rejects.toMatchObject({ name: 'InputError', message: /^entityRef:/ });
    await expect(
      invoke('report-itsm-incident', {
        title: 'Down',
        affectedServices: ['component:default/nope'],
        category: 'availability',
        impact: 'high',
        urgency: 'high',
      }),
    ).rejects.toMatchObject({
      name: 'InputError',
      message: /^affectedServices\[0\]: unknown entity/,
    });
    await expect(
      invoke('get-itsm-incident', { incident: 'INC-9999' }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(
      invoke('search-itsm-known-errors', { query: 'a' }),
    ).rejects.toMatchObject({ name: 'InputError' });
  });

  it('refuses every action when the policy denies, writing nothing', async () => {
    const allowed = await startWithActions(knex);
    const { output: reported } = (await allowed.invoke('report-itsm-incident', {
      title: 'Ledger lagging',
      affectedServices: ['ledger'],
      category: 'performance',
      impact: 'low',
      urgency: 'low',
    })) as { output: any };
    const ref = reported.incident.ref;

    const { invoke } = await startWithActions(knex, AuthorizeResult.DENY);
    const calls: Array<[string, object]> = [
      ['who-is-on-call', { entityRef: 'payments-api' }],
      ['list-open-itsm-incidents', { entityRef: 'ledger' }],
      ['list-open-itsm-workarounds', { entityRef: 'ledger' }],
      ['search-itsm-known-errors', { query: 'retry' }],
      ['get-itsm-incident', { incident: ref }],
      ['post-itsm-incident-update', { incident: ref, message: 'Hello' }],
      [
        'post-itsm-incident-update',
        { incident: ref, message: 'Hello', audience: 'stakeholders' },
      ],
      [
        'report-itsm-incident',
        {
          title: 'Denied',
          affectedServices: ['ledger'],
          category: 'availability',
          impact: 'high',
          urgency: 'high',
        },
      ],
    ];
    for (const [name, input] of calls) {
      await expect(invoke(name, input)).rejects.toMatchObject({
        name: 'NotAllowedError',
      });
    }
    const { output: after } = (await allowed.invoke('get-itsm-incident', {
      incident: ref,
    })) as { output: any };
    expect(after.timeline.map((e: any) => e.type)).not.toContain('update');
    const { output: open } = (await allowed.invoke('list-open-itsm-incidents', {
      entityRef: 'ledger',
    })) as { output: any };
    expect(open.incidents.map((i: any) => i.title)).toEqual(['Ledger lagging']);
  });
});
