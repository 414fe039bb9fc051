import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, service, workaround } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityOpenWorkaroundsCard } from './EntityOpenWorkaroundsCard';

const server = setupServer();
registerMswTestHooks(server);

describe('EntityOpenWorkaroundsCard', () => {
  it("lists the service's open workarounds with their problem and use count", async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE_URL}/workarounds`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [
            workaround(),
            workaround({
              id: 'w2',
              ref: 'WA-1002',
              title: 'Clear the CDN cache',
              problemId: undefined,
              problemRef: undefined,
              useCount: 1,
            }),
          ],
        });
      }),
    );
    await renderWithApis(<EntityOpenWorkaroundsCard />, { entity: service });
    const first = await screen.findByRole('listitem', {
      name: 'WA-1001: Fail over to the secondary acquirer',
    });
    expect(first).toHaveTextContent('Workaround for PRB-1001');
    expect(first).toHaveTextContent('used by 3 incidents');
    expect(screen.getByRole('link', { name: 'PRB-1001' })).toHaveAttribute(
      'href',
      '/itsm/problems/PRB-1001',
    );
    expect(
      screen.getByRole('listitem', { name: 'WA-1002: Clear the CDN cache' }),
    ).toHaveTextContent('Known error · used by 1 incident');
    expect(query?.get('entityRef')).toBe('component:default/payments-api');
    expect(query?.get('open')).toBe('true');
  });

  it('says when there is none', async () => {
    server.use(
      http.get(`${BASE_URL}/workarounds`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithApis(<EntityOpenWorkaroundsCard />, { entity: service });
    expect(
      await screen.findByText('No open workaround for this service.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the list fails', async () => {
    server.use(
      http.get(`${BASE_URL}/workarounds`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not allowed to read workarounds',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(<EntityOpenWorkaroundsCard />, { entity: service });
    expect(
      (await screen.findAllByText(/not allowed to read workarounds/)).length,
    ).toBeGreaterThan(0);
  });
});
