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

function record(body: unknown) {
  const seen: Array<{ method: string; url: URL; body?: unknown }> = [];
  server.use(
    http.all(`${baseUrl}/*`, async ({ request }) => {
      const text = await request.text();
      seen.push({
        method: request.method,
        url: new URL(request.url),
        body: text ? JSON.parse(text) : undefined,
      });
      return HttpResponse.json(body as any);
    }),
  );
  return seen;
}

describe('ItsmClient (reviews and action items)', () => {
  it.each`
    call                                                                                                                                      | method     | path                                            | query                                                                                       | body
    ${(c: ItsmClient) => c.getReview('INC-1')}                                                                                                | ${'GET'}   | ${'/api/itsm/incidents/INC-1/review'}           | ${{}}                                                                                       | ${undefined}
    ${(c: ItsmClient) => c.putReview('INC-1', { version: 2, status: 'in_review' })}                                                           | ${'PUT'}   | ${'/api/itsm/incidents/INC-1/review'}           | ${{}}                                                                                       | ${{ version: 2, status: 'in_review' }}
    ${(c: ItsmClient) => c.approveReview('INC-1', 'Clear')}                                                                                   | ${'POST'}  | ${'/api/itsm/incidents/INC-1/review/approvals'} | ${{}}                                                                                       | ${{ comment: 'Clear' }}
    ${(c: ItsmClient) => c.listReviews({ status: 'to_write', blocked: true })}                                                                | ${'GET'}   | ${'/api/itsm/reviews'}                          | ${{ status: 'to_write', blocked: 'true' }}                                                  | ${undefined}
    ${(c: ItsmClient) => c.listActionItems({ owner: ['user:default/a', 'group:default/b'], status: ['open', 'in_progress'], overdue: true })} | ${'GET'}   | ${'/api/itsm/action-items'}                     | ${{ owner: 'user:default/a,group:default/b', status: 'open,in_progress', overdue: 'true' }} | ${undefined}
    ${(c: ItsmClient) => c.createActionItem({ title: 't', owner: 'bob', dueDate: '2026-12-31', incident: 'INC-1' })}                          | ${'POST'}  | ${'/api/itsm/action-items'}                     | ${{}}                                                                                       | ${{ title: 't', owner: 'bob', dueDate: '2026-12-31', incident: 'INC-1' }}
    ${(c: ItsmClient) => c.updateActionItem('ACT-1', { version: 1, status: 'done' })}                                                         | ${'PATCH'} | ${'/api/itsm/action-items/ACT-1'}               | ${{}}                                                                                       | ${{ version: 1, status: 'done' }}
    ${(c: ItsmClient) => c.convertActionItem('ACT-1', 'problem')}                                                                             | ${'POST'}  | ${'/api/itsm/action-items/ACT-1/convert'}       | ${{}}                                                                                       | ${{ to: 'problem' }}
  `('$method $path', async ({ call, method, path, query, body }) => {
    const seen = record({});
    await call(client());
    expect(seen).toHaveLength(1);
    expect(seen[0].method).toBe(method);
    expect(seen[0].url.pathname).toBe(path);
    expect(Object.fromEntries(seen[0].url.searchParams)).toEqual(query);
    expect(seen[0].body).toEqual(body);
  });

  it('reads the Markdown export as text', async () => {
    server.use(
      http.get(`${baseUrl}/incidents/INC-1/review`, ({ request }) =>
        new URL(request.url).searchParams.get('format') === 'md'
          ? new HttpResponse('# Post-incident review: INC-1\n', {
              headers: { 'content-type': 'text/markdown' },
            })
          : HttpResponse.json({}),
      ),
    );
    expect(await client().getReviewMarkdown('INC-1')).toBe(
      '# Post-incident review: INC-1\n',
    );
  });
});
