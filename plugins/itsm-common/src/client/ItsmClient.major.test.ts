import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://backstage.test/api/itsm';
const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const client = () =>
  new ItsmClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    },
  });

function record() {
  const seen: Array<{ method: string; url: URL; body?: unknown }> = [];
  server.use(
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const text = await request.text();
      seen.push({
        method: request.method,
        url: new URL(request.url),
        body: text ? JSON.parse(text) : undefined,
      });
      return HttpResponse.json({ items: [] });
    }),
  );
  return seen;
}

const INC = '/api/itsm/incidents/INC-1042';
const LEDGER = '/api/itsm/entities/component/default/ledger/subscribers';

describe('ItsmClient (major incidents)', () => {
  it.each([
    [
      (c: ItsmClient) => c.getMajorIncident('INC-1042'),
      'GET',
      `${INC}/major`,
      {},
      undefined,
    ],
    [
      (c: ItsmClient) => c.declareMajorIncident('INC-1042', { reason: 'Down' }),
      'POST',
      `${INC}/major`,
      {},
      { reason: 'Down' },
    ],
    [
      (c: ItsmClient) =>
        c.declareMajorIncident('INC-1042', { major: false, reason: 'No' }),
      'POST',
      `${INC}/major`,
      {},
      { major: false, reason: 'No' },
    ],
    [
      (c: ItsmClient) =>
        c.putIncidentRoles('INC-1042', {
          roles: [{ role: 'commander', userRef: 'alice' }],
        }),
      'PUT',
      `${INC}/roles`,
      {},
      { roles: [{ role: 'commander', userRef: 'alice' }] },
    ],
    [
      (c: ItsmClient) => c.subscribeToIncident('INC-1042'),
      'POST',
      `${INC}/subscribers`,
      {},
      {},
    ],
    [
      (c: ItsmClient) => c.subscribeToIncident('INC-1042', 'group:default/sre'),
      'POST',
      `${INC}/subscribers`,
      {},
      { subscriber: 'group:default/sre' },
    ],
    [
      (c: ItsmClient) =>
        c.unsubscribeFromIncident('INC-1042', 'user:default/bob'),
      'DELETE',
      `${INC}/subscribers`,
      { subscriber: 'user:default/bob' },
      undefined,
    ],
    [
      (c: ItsmClient) => c.subscribeToService('component:default/ledger'),
      'POST',
      LEDGER,
      {},
      {},
    ],
    [
      (c: ItsmClient) => c.unsubscribeFromService('component:default/ledger'),
      'DELETE',
      LEDGER,
      {},
      undefined,
    ],
    [
      (c: ItsmClient) => c.getStatus({ system: 'payments' }),
      'GET',
      '/api/itsm/status',
      { system: 'payments' },
      undefined,
    ],
    [
      (c: ItsmClient) =>
        c.addIncidentUpdate('INC-1042', 'Hi', {
          audience: 'stakeholders',
          stage: 'identified',
        }),
      'POST',
      `${INC}/updates`,
      {},
      { audience: 'stakeholders', stage: 'identified', message: 'Hi' },
    ],
    [
      (c: ItsmClient) => c.addIncidentUpdate('INC-1042', 'Note'),
      'POST',
      `${INC}/updates`,
      {},
      { message: 'Note' },
    ],
  ] as const)('%#: %s %s', async (call, method, path, query, body) => {
    const seen = record();
    await call(client());
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe(method);
    expect(seen[0].url.pathname).toBe(path);
    expect(Object.fromEntries(seen[0].url.searchParams)).toEqual(query);
    expect(seen[0].body).toEqual(body);
  });
});
