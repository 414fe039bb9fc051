import { ResponseError } from '@backstage/errors';
// msw is hoisted to the root node_modules (a devDependency of plugins/itsm);
// it belongs in this package's devDependencies too (needs a lockfile update).
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { ItsmClient } from './ItsmClient';

const baseUrl = 'http://backstage.test/api/itsm';

const server = setupServer();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function createClient() {
  return new ItsmClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backstage.test/api/${pluginId}`,
    },
  });
}

/** Records the URL of each request to a path and answers with `body`. */
function capture(
  method: 'get' | 'post' | 'patch',
  path: string,
  body: unknown,
) {
  const urls: URL[] = [];
  const requests: Request[] = [];
  server.use(
    http[method](`${baseUrl}${path}`, ({ request }) => {
      urls.push(new URL(request.url));
      requests.push(request.clone());
      return HttpResponse.json(body as any);
    }),
  );
  return { urls, requests };
}

describe('ItsmClient', () => {
  describe('listIncidents', () => {
    it.each`
      case                         | query                                                               | expected
      ${'no query'}                | ${undefined}                                                        | ${{}}
      ${'empty query'}             | ${{}}                                                               | ${{}}
      ${'arrays joined by commas'} | ${{ status: ['new', 'in_progress'], priority: ['P1', 'P2'] }}       | ${{ status: 'new,in_progress', priority: 'P1,P2' }}
      ${'single-element array'}    | ${{ status: ['on_hold'] }}                                          | ${{ status: 'on_hold' }}
      ${'empty array left out'}    | ${{ status: [], priority: ['P3'] }}                                 | ${{ priority: 'P3' }}
      ${'empty string left out'}   | ${{ q: '', limit: 20 }}                                             | ${{ limit: '20' }}
      ${'undefined left out'}      | ${{ q: undefined, major: false }}                                   | ${{ major: 'false' }}
      ${'entity ref'}              | ${{ entityRef: 'component:default/payments-api' }}                  | ${{ entityRef: 'component:default/payments-api' }}
      ${'text needing encoding'}   | ${{ q: 'latency > 2s & 5xx #1', cursor: 'abc/+=' }}                 | ${{ q: 'latency > 2s & 5xx #1', cursor: 'abc/+=' }}
      ${'time range'}              | ${{ from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00.000Z' }} | ${{ from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00.000Z' }}
    `('encodes $case', async ({ query, expected }) => {
      const { urls } = capture('get', '/incidents', { items: [] });
      await createClient().listIncidents(query);
      expect(urls).toHaveLength(1);
      expect(urls[0].pathname).toBe('/api/itsm/incidents');
      expect(Object.fromEntries(urls[0].searchParams)).toEqual(expected);
      expect(urls[0].search === '').toBe(Object.keys(expected).length === 0);
    });

    it('joins array values with a literal comma in the raw query string', async () => {
      const { urls } = capture('get', '/incidents', { items: [] });
      await createClient().listIncidents({ status: ['new', 'acknowledged'] });
      // URLSearchParams encodes ',' as %2C; servers split after decoding.
      expect(urls[0].search).toBe('?status=new%2Cacknowledged');
    });

    it('returns the page from the server', async () => {
      const page = {
        items: [{ id: '1', ref: 'INC-1' }],
        nextCursor: 'c2',
        totalCount: 3,
      };
      capture('get', '/incidents', page);
      await expect(createClient().listIncidents()).resolves.toEqual(page);
    });
  });

  describe('getEntitySummary', () => {
    it.each`
      entityRef                           | path
      ${'component:default/payments-api'} | ${'/api/itsm/entities/component/default/payments-api/summary'}
      ${'Component:Default/Payments-API'} | ${'/api/itsm/entities/Component/Default/Payments-API/summary'}
      ${'component:team a/svc#1'}         | ${'/api/itsm/entities/component/team%20a/svc%231/summary'}
      ${'system:default/payments'}        | ${'/api/itsm/entities/system/default/payments/summary'}
    `('requests $path for $entityRef', async ({ entityRef, path }) => {
      const urls: URL[] = [];
      server.use(
        http.get(
          `${baseUrl}/entities/:kind/:namespace/:name/summary`,
          ({ request }) => {
            urls.push(new URL(request.url));
            return HttpResponse.json({ entityRef, openCount: 0 });
          },
        ),
      );
      await expect(createClient().getEntitySummary(entityRef)).resolves.toEqual(
        {
          entityRef,
          openCount: 0,
        },
      );
      expect(urls.map(u => u.pathname)).toEqual([path]);
    });

    it('refuses a ref without a kind before calling the server', async () => {
      await expect(
        createClient().getEntitySummary('payments-api'),
      ).rejects.toThrow();
    });
  });

  describe('other calls', () => {
    it('encodes ids and sends JSON bodies', async () => {
      const { urls, requests } = capture('patch', '/incidents/:id', {
        id: 'a/b',
      });
      await createClient().updateIncident('a/b', {
        version: 3,
        status: 'acknowledged',
      });
      expect(urls[0].pathname).toBe('/api/itsm/incidents/a%2Fb');
      expect(requests[0].headers.get('content-type')).toBe('application/json');
      await expect(requests[0].json()).resolves.toEqual({
        version: 3,
        status: 'acknowledged',
      });
    });

    it('posts an update message', async () => {
      const { requests } = capture('post', '/incidents/:id/updates', {
        id: 'e1',
      });
      await createClient().addIncidentUpdate('INC-7', 'Still investigating');
      expect(new URL(requests[0].url).pathname).toBe(
        '/api/itsm/incidents/INC-7/updates',
      );
      await expect(requests[0].json()).resolves.toEqual({
        message: 'Still investigating',
      });
    });

    it('pages the timeline', async () => {
      const { urls } = capture('get', '/incidents/:id/timeline', { items: [] });
      await createClient().getIncidentTimeline('INC-7', {
        limit: 50,
        cursor: 'x y',
      });
      expect(Object.fromEntries(urls[0].searchParams)).toEqual({
        limit: '50',
        cursor: 'x y',
      });
    });

    it('sends no body or content type on GET', async () => {
      const { requests } = capture('get', '/incidents/:id', { id: 'INC-1' });
      await createClient().getIncident('INC-1');
      expect(requests[0].headers.get('content-type')).toBeNull();
    });
  });

  describe('errors', () => {
    it.each`
      status | name                    | message
      ${400} | ${'InputError'}         | ${'status: Cannot move an incident from new to resolved; allowed from new: acknowledged, cancelled'}
      ${404} | ${'NotFoundError'}      | ${'No incident INC-404'}
      ${409} | ${'ConflictError'}      | ${'Incident INC-1 was changed by someone else (version 4, you sent 3)'}
      ${403} | ${'NotAuthorizedError'} | ${'Not allowed to update incidents'}
    `(
      'turns a $status into a ResponseError with the server message',
      async ({ status, name, message }) => {
        server.use(
          http.get(`${baseUrl}/incidents/:id`, () =>
            HttpResponse.json(
              {
                error: { name, message },
                request: { method: 'GET', url: '/api/itsm/incidents/x' },
                response: { statusCode: status },
              },
              { status },
            ),
          ),
        );
        const error = await createClient()
          .getIncident('x')
          .then(
            () => undefined,
            e => e,
          );
        expect(error).toBeInstanceOf(ResponseError);
        expect(error.statusCode).toBe(status);
        // @backstage/errors keeps the server's error as `cause` (and in
        // `body`); the ResponseError's own message only names the status.
        expect(error.message).toBe(
          `Request failed with ${status} ${error.statusText}`,
        );
        expect(error.cause.message).toBe(message);
        expect(error.cause.name).toBe(name);
        expect(error.body.error).toEqual({ name, message });
        expect(error.body.response.statusCode).toBe(status);
      },
    );

    it('turns a non-JSON error into a ResponseError with the status', async () => {
      server.use(
        http.get(
          `${baseUrl}/incidents`,
          () =>
            new HttpResponse('upstream exploded', {
              status: 502,
              statusText: 'Bad Gateway',
            }),
        ),
      );
      const error = await createClient()
        .listIncidents()
        .then(
          () => undefined,
          e => e,
        );
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(502);
      expect(error.message).toBe('Request failed with 502 Bad Gateway');
      expect(error.cause.message).toContain('upstream exploded');
    });
  });

  it('uses the fetchApi it is given', async () => {
    const fetch = jest.fn(
      async () => new Response(JSON.stringify({ items: [] }), { status: 200 }),
    );
    const client = new ItsmClient({
      discoveryApi: { getBaseUrl: async () => 'http://other.test/itsm' },
      fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
    });
    await client.listIncidents({ priority: ['P1'] });
    expect(fetch).toHaveBeenCalledWith(
      'http://other.test/itsm/incidents?priority=P1',
      expect.objectContaining({ method: 'GET' }),
    );
  });

  describe('problems and workarounds', () => {
    it('sends the calls to their routes with their bodies and queries', async () => {
      const calls: Array<[string, string, string, unknown]> = [];
      const record = async ({ request }: { request: Request }) => {
        const url = new URL(request.url);
        const text = await request.text();
        calls.push([
          request.method,
          url.pathname.replace('/api/itsm', ''),
          url.search,
          text ? JSON.parse(text) : undefined,
        ]);
        return HttpResponse.json({});
      };
      server.use(
        http.all(`${baseUrl}/problems*`, record),
        http.all(`${baseUrl}/workarounds*`, record),
        http.all(`${baseUrl}/report-suggestions`, record),
        http.all(`${baseUrl}/problem-proposals*`, record),
      );
      const client = createClient();
      await client.listProblems({
        status: ['new', 'known_error'],
        minAgeDays: 30,
      });
      await client.createProblem({ title: 'T', incidentIds: ['INC-1'] });
      await client.updateProblem('PRB-1', {
        version: 2,
        status: 'investigating',
      });
      await client.changeProblemIncidents('PRB-1', {
        version: 3,
        unlink: ['x'],
      });
      await client.changeProblemChanges('PRB-1', {
        version: 4,
        link: ['CHG-7'],
      });
      await client.getProblemTimeline('PRB-1', { limit: 10 });
      await client.listWorkarounds({
        entityRef: 'component:default/a',
        open: true,
      });
      await client.applyWorkaround('WA-1', 'INC-7');
      await client.getReportSuggestions({
        entityRef: 'component:default/a',
        title: 'Slow & broken',
      });
      await client.acceptProblemProposal('p/1');
      await client.dismissProblemProposal('p2');
      expect(calls).toEqual([
        [
          'GET',
          '/problems',
          '?status=new%2Cknown_error&minAgeDays=30',
          undefined,
        ],
        ['POST', '/problems', '', { title: 'T', incidentIds: ['INC-1'] }],
        [
          'PATCH',
          '/problems/PRB-1',
          '',
          { version: 2, status: 'investigating' },
        ],
        [
          'POST',
          '/problems/PRB-1/incidents',
          '',
          { version: 3, unlink: ['x'] },
        ],
        [
          'POST',
          '/problems/PRB-1/changes',
          '',
          { version: 4, link: ['CHG-7'] },
        ],
        ['GET', '/problems/PRB-1/timeline', '?limit=10', undefined],
        [
          'GET',
          '/workarounds',
          '?entityRef=component%3Adefault%2Fa&open=true',
          undefined,
        ],
        ['POST', '/workarounds/WA-1/uses', '', { incidentId: 'INC-7' }],
        [
          'GET',
          '/report-suggestions',
          '?entityRef=component%3Adefault%2Fa&title=Slow+%26+broken',
          undefined,
        ],
        ['POST', '/problem-proposals/p%2F1/accept', '', undefined],
        ['POST', '/problem-proposals/p2/dismiss', '', undefined],
      ]);
    });
  });
});
