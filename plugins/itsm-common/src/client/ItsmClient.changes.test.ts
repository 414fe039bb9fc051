import { ResponseError } from '@backstage/errors';
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

/** Answers `body` to every request and records method, URL and body. */
function record(body: unknown, status = 200) {
  const seen: Array<{ method: string; url: URL; body?: unknown }> = [];
  server.use(
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const text = await request.text();
      seen.push({
        method: request.method,
        url: new URL(request.url),
        body: text ? JSON.parse(text) : undefined,
      });
      return HttpResponse.json(body as any, { status });
    }),
  );
  return seen;
}

describe('ItsmClient (changes)', () => {
  it.each`
    call                                                                                                                               | method      | path                                               | query                                                                                       | body
    ${(c: ItsmClient) => c.listChanges({ entityRef: 'component:default/a', status: ['new', 'assess'], from: '2026-12-01T00:00:00Z' })} | ${'GET'}    | ${'/api/itsm/changes'}                             | ${{ entityRef: 'component:default/a', status: 'new,assess', from: '2026-12-01T00:00:00Z' }} | ${undefined}
    ${(c: ItsmClient) => c.getChange('CHG-1001')}                                                                                      | ${'GET'}    | ${'/api/itsm/changes/CHG-1001'}                    | ${{}}                                                                                       | ${undefined}
    ${(c: ItsmClient) => c.updateChange('CHG-1001', { version: 2, status: 'assess' })}                                                 | ${'PATCH'}  | ${'/api/itsm/changes/CHG-1001'}                    | ${{}}                                                                                       | ${{ version: 2, status: 'assess' }}
    ${(c: ItsmClient) => c.decideChange('CHG-1001', { decision: 'rejected', comment: 'No' })}                                          | ${'POST'}   | ${'/api/itsm/changes/CHG-1001/approvals'}          | ${{}}                                                                                       | ${{ decision: 'rejected', comment: 'No' }}
    ${(c: ItsmClient) => c.getChangeEvents('CHG-1001', { limit: 10 })}                                                                 | ${'GET'}    | ${'/api/itsm/changes/CHG-1001/events'}             | ${{ limit: '10' }}                                                                          | ${undefined}
    ${(c: ItsmClient) => c.linkCausedIncident('CHG-1001', 'INC-1042')}                                                                 | ${'POST'}   | ${'/api/itsm/changes/CHG-1001/incidents'}          | ${{}}                                                                                       | ${{ incident: 'INC-1042' }}
    ${(c: ItsmClient) => c.unlinkCausedIncident('CHG-1001', 'INC-1042')}                                                               | ${'DELETE'} | ${'/api/itsm/changes/CHG-1001/incidents/INC-1042'} | ${{}}                                                                                       | ${undefined}
    ${(c: ItsmClient) => c.setIncidentCause('INC-1042', null)}                                                                         | ${'PUT'}    | ${'/api/itsm/incidents/INC-1042/cause'}            | ${{}}                                                                                       | ${{ change: null }}
    ${(c: ItsmClient) => c.getChangeMetrics({ entityRef: 'component:default/a' })}                                                     | ${'GET'}    | ${'/api/itsm/changes/metrics'}                     | ${{ entityRef: 'component:default/a' }}                                                     | ${undefined}
    ${(c: ItsmClient) => c.getChangeGate({ entityRef: 'component:default/a', at: '2026-12-01T10:00:00Z' })}                           | ${'GET'}    | ${'/api/itsm/changes/gate'}                        | ${{ entityRef: 'component:default/a', at: '2026-12-01T10:00:00Z' }}                         | ${undefined}
  `('$method $path', async ({ call, method, path, query, body }) => {
    const seen = record({ items: [] });
    await call(client());
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe(method);
    expect(seen[0].url.pathname).toBe(path);
    expect(Object.fromEntries(seen[0].url.searchParams)).toEqual(query);
    expect(seen[0].body).toEqual(body);
  });

  it('unwraps conflicts and freezes, and sends services joined by commas', async () => {
    const seen = record({ items: [{ kind: 'freeze', freeze: 'F' }] });
    const conflicts = await client().getChangeConflicts({
      services: ['component:default/a', 'component:default/b'],
      start: '2026-12-01T10:00:00Z',
      end: '2026-12-01T11:00:00Z',
    });
    expect(conflicts).toEqual([{ kind: 'freeze', freeze: 'F' }]);
    expect(seen[0].url.searchParams.get('services')).toBe(
      'component:default/a,component:default/b',
    );
    expect(await client().listChangeFreezes()).toEqual([
      { kind: 'freeze', freeze: 'F' },
    ]);
  });

  it('throws a ResponseError carrying the server’s message', async () => {
    record(
      {
        error: {
          name: 'NotAllowedError',
          message: 'Nobody approves their own change',
        },
        response: { statusCode: 403 },
      },
      403,
    );
    const error = await client()
      .decideChange('CHG-1001', { decision: 'approved' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.body.error.message).toBe('Nobody approves their own change');
  });
});
