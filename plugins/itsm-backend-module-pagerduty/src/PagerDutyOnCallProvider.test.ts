import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CatalogUsersByEmail } from './CatalogUsersByEmail';
import { PagerDutyClient } from './PagerDutyClient';
import { PagerDutyOnCallProvider } from './PagerDutyOnCallProvider';
import serviceFixture from './__fixtures__/service.json';
import oncallsFixture from './__fixtures__/oncalls.json';

const API = 'https://api.pagerduty.com';
const TOKEN = 'u+s3cr3t-token_Ab';
const AT = '2026-11-23T10:00:00.000Z';

const paymentsApi: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments-api',
    namespace: 'default',
    annotations: { 'pagerduty.com/service-id': 'PSVC0A1' },
  },
  spec: { owner: 'group:default/payments-team' },
};

const catalogUsers: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: {
      name: 'alice',
      namespace: 'default',
      annotations: { 'openitsm.io/chat': 'https://chat.example.com/alice' },
    },
    // Case differs from PagerDuty's: emails match case-insensitively.
    spec: {
      profile: {
        displayName: 'Alice M.',
        email: 'Alice.Martin@example.com',
      },
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'carol', namespace: 'default' },
    spec: { profile: { email: 'carol.nguyen@example.com' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'erin', namespace: 'default', title: 'Erin W.' },
    spec: { profile: { email: 'erin.walsh@example.com' } },
  },
];

const server = setupServer();
registerMswTestHooks(server);

/** Serves the fixtures and records what PagerDuty was asked. */
function servePagerDuty(oncalls: Record<string, unknown> = oncallsFixture) {
  const requests: Request[] = [];
  server.use(
    http.get(`${API}/services/:id`, ({ request, params }) => {
      requests.push(request);
      return params.id === 'PSVC0A1'
        ? HttpResponse.json(serviceFixture)
        : HttpResponse.json(
            { error: { message: 'Not Found', code: 2100 } },
            { status: 404 },
          );
    }),
    http.get(`${API}/oncalls`, ({ request }) => {
      requests.push(request);
      return HttpResponse.json(oncalls);
    }),
  );
  return requests;
}

function createProvider(
  catalog: CatalogService = catalogServiceMock({ entities: catalogUsers }),
) {
  return new PagerDutyOnCallProvider({
    client: new PagerDutyClient({ token: TOKEN, baseUrl: API }),
    users: new CatalogUsersByEmail({
      catalog,
      auth: mockServices.auth(),
      logger: mockServices.logger.mock(),
    }),
  });
}

describe('PagerDutyOnCallProvider', () => {
  it('maps the escalation policy of the service to levels, people matched to catalog users', async () => {
    servePagerDuty();
    const answer = await createProvider().getOnCall({
      entity: paymentsApi,
      at: AT,
    });

    expect(answer).toEqual({
      source: 'pagerduty',
      scheduleName: 'Payments escalation',
      url: 'https://acme.pagerduty.com/escalation_policies/PEP9K2L',
      levels: [
        {
          level: 1,
          name: 'Payments primary',
          until: '2026-11-24T09:00:00.000Z',
          people: [
            {
              userRef: 'user:default/alice',
              displayName: 'Alice M.',
              email: 'Alice.Martin@example.com',
              chatUrl: 'https://chat.example.com/alice',
              profileUrl: 'https://acme.pagerduty.com/users/PUSR0AL',
            },
          ],
          next: {
            person: {
              userRef: 'user:default/erin',
              displayName: 'Erin W.',
              email: 'erin.walsh@example.com',
              profileUrl: 'https://acme.pagerduty.com/users/PUSR0ER',
            },
            from: '2026-11-24T09:00:00.000Z',
          },
        },
        {
          level: 2,
          name: 'Payments secondary / Payments shadow',
          // The level changes hands when the first of its shifts ends.
          until: '2026-11-23T20:00:00.000Z',
          people: [
            {
              displayName: 'Bob Okafor',
              email: 'bob@contractor.example.net',
              profileUrl: 'https://acme.pagerduty.com/users/PUSR0BO',
            },
            {
              displayName: 'Dave Lindqvist',
              email: 'dave.lindqvist@example.com',
              profileUrl: 'https://acme.pagerduty.com/users/PUSR0DA',
            },
          ],
          // The next change on the level: Frank relieves Dave.
          next: {
            person: {
              displayName: 'Frank Osei',
              email: 'frank.osei@example.com',
              profileUrl: 'https://acme.pagerduty.com/users/PUSR0FR',
            },
            from: '2026-11-23T20:00:00.000Z',
          },
        },
        {
          // A user targeted directly by the rule: no schedule, no end.
          level: 3,
          name: 'Level 3',
          people: [
            {
              userRef: 'user:default/carol',
              displayName: 'carol',
              email: 'carol.nguyen@example.com',
              profileUrl: 'https://acme.pagerduty.com/users/PUSR0CA',
            },
          ],
        },
      ],
    });
  });

  it('asks PagerDuty with the token, API v2 and the on-calls of the policy from the instant, with user emails', async () => {
    const requests = servePagerDuty();
    await createProvider().getOnCall({ entity: paymentsApi, at: AT });

    expect(requests.map(r => new URL(r.url).pathname)).toEqual([
      '/services/PSVC0A1',
      '/oncalls',
    ]);
    for (const request of requests) {
      expect(request.headers.get('authorization')).toBe(`Token token=${TOKEN}`);
      expect(request.headers.get('accept')).toBe(
        'application/vnd.pagerduty+json;version=2',
      );
    }
    const query = new URL(requests[1].url).searchParams;
    expect(query.getAll('escalation_policy_ids[]')).toEqual(['PEP9K2L']);
    expect(query.getAll('include[]')).toEqual(['users']);
    expect(query.get('time_zone')).toBe('UTC');
    expect(query.get('earliest')).toBe('true');
    // From the instant asked, far enough ahead to see who comes next.
    expect(query.get('since')).toBe(AT);
    expect(query.get('until')).toBe('2026-12-24T10:00:00.000Z');
  });

  it('keeps only the incoming person of a shift handed over at the instant asked', async () => {
    // PagerDuty returns both on-calls touching the instant of a handoff.
    const [, alice] = oncallsFixture.oncalls;
    servePagerDuty({
      ...oncallsFixture,
      oncalls: [
        { ...alice, start: '2026-11-22T09:00:00Z', end: AT },
        {
          ...alice,
          user: { ...alice.user, id: 'PUSR0ZZ', name: 'Zoe', email: undefined },
          start: AT,
          end: '2026-11-24T09:00:00Z',
        },
      ],
    });
    const answer = await createProvider().getOnCall({
      entity: paymentsApi,
      at: AT,
    });
    expect(answer?.levels).toHaveLength(1);
    expect(answer?.levels[0].people.map(p => p.displayName)).toEqual(['Zoe']);
  });

  it('shows a level nobody covers right now, with who comes next', async () => {
    const frank = oncallsFixture.oncalls[5];
    servePagerDuty({ ...oncallsFixture, oncalls: [frank] });
    const answer = await createProvider().getOnCall({
      entity: paymentsApi,
      at: AT,
    });
    expect(answer?.levels).toEqual([
      {
        level: 2,
        name: 'Payments shadow',
        people: [],
        next: {
          person: {
            displayName: 'Frank Osei',
            email: 'frank.osei@example.com',
            profileUrl: 'https://acme.pagerduty.com/users/PUSR0FR',
          },
          from: '2026-11-23T20:00:00.000Z',
        },
      },
    ]);
  });

  it('follows the pages of on-calls', async () => {
    const [bob, alice] = oncallsFixture.oncalls;
    const offsets: string[] = [];
    server.use(
      http.get(`${API}/services/:id`, () => HttpResponse.json(serviceFixture)),
      http.get(`${API}/oncalls`, ({ request }) => {
        const offset = new URL(request.url).searchParams.get('offset')!;
        offsets.push(offset);
        return HttpResponse.json({
          oncalls: offset === '0' ? [alice] : [bob],
          limit: 100,
          offset: Number(offset),
          more: offset === '0',
          total: null,
        });
      }),
    );
    const answer = await createProvider().getOnCall({
      entity: paymentsApi,
      at: AT,
    });
    expect(offsets).toEqual(['0', '100']);
    expect(answer?.levels.map(l => l.level)).toEqual([1, 2]);
  });

  it('does not cover an entity without the pagerduty.com/service-id annotation', async () => {
    const requests = servePagerDuty();
    const answer = await createProvider().getOnCall({
      entity: { ...paymentsApi, metadata: { name: 'ledger' } },
      at: AT,
    });
    expect(answer).toBeUndefined();
    expect(requests).toHaveLength(0);
  });

  it('shows PagerDuty names when the catalog cannot be asked', async () => {
    servePagerDuty();
    const catalog = catalogServiceMock.mock({
      getEntities: jest.fn().mockRejectedValue(new Error('catalog down')),
    });
    const answer = await createProvider(catalog).getOnCall({
      entity: paymentsApi,
      at: AT,
    });
    expect(answer?.levels[0].people).toEqual([
      {
        displayName: 'Alice Martin',
        email: 'alice.martin@example.com',
        profileUrl: 'https://acme.pagerduty.com/users/PUSR0AL',
      },
    ]);
  });

  it('names the token config key when PagerDuty rejects the token, without leaking it', async () => {
    server.use(
      http.get(`${API}/services/:id`, () =>
        HttpResponse.json(
          { error: { message: 'Unauthorized', code: 2006 } },
          { status: 401 },
        ),
      ),
    );
    const error = await createProvider()
      .getOnCall({ entity: paymentsApi, at: AT })
      .catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toBe(
      'PagerDuty rejected the API token (HTTP 401: Unauthorized); check itsm.pagerduty.token',
    );
    expect(error.message).not.toContain(TOKEN);
  });

  it('names the service id and the entity when PagerDuty has no such service', async () => {
    servePagerDuty();
    const entity = {
      ...paymentsApi,
      metadata: {
        ...paymentsApi.metadata,
        annotations: { 'pagerduty.com/service-id': 'PGONE00' },
      },
    };
    const error = await createProvider()
      .getOnCall({ entity, at: AT })
      .catch(e => e);
    expect(error.name).toBe('NotFoundError');
    expect(error.message).toBe(
      'PagerDuty has no service "PGONE00"; check the pagerduty.com/service-id annotation of component:default/payments-api',
    );
  });

  it('reports a PagerDuty outage and an unreachable PagerDuty clearly', async () => {
    server.use(
      http.get(`${API}/services/:id`, () => HttpResponse.json(serviceFixture)),
      http.get(
        `${API}/oncalls`,
        () => new HttpResponse('upstream error', { status: 502 }),
      ),
    );
    await expect(
      createProvider().getOnCall({ entity: paymentsApi, at: AT }),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message:
        'PagerDuty failed to return the on-calls of escalation policy "PEP9K2L" (HTTP 502)',
    });

    server.use(http.get(`${API}/services/:id`, () => HttpResponse.error()));
    const error = await createProvider()
      .getOnCall({ entity: paymentsApi, at: AT })
      .catch(e => e);
    expect(error.name).toBe('ServiceUnavailableError');
    expect(error.message).toMatch(
      /^PagerDuty could not be reached at https:\/\/api\.pagerduty\.com while reading the service "PSVC0A1": /,
    );
    expect(error.message).not.toContain(TOKEN);
  });
});
