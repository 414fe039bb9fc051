import { discoveryApiRef } from '@backstage/frontend-plugin-api';
import { renderTestApp } from '@backstage/frontend-test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from './__testUtils__/fixtures';
import itsmPlugin from './alpha';

const server = setupServer();
registerMswTestHooks(server);

describe('itsm plugin (new frontend system)', () => {
  it('serves the estate-wide incident list at /itsm, in the nav, through its own API', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [incident()], totalCount: 1 }),
      ),
    );
    renderTestApp({
      features: [itsmPlugin],
      initialRouteEntries: ['/itsm'],
      // Incident rows link to their services' catalog pages
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
      apis: [
        [discoveryApiRef, { getBaseUrl: async () => BASE_URL }],
        // The assignment filters search the catalog (always there in an app)
        [catalogApiRef, catalogApiMock()],
      ],
    });
    expect(
      await screen.findByText('Card payments failing', undefined, {
        timeout: 10_000,
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-1042' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-1042',
    );
    // The page has a title and icon, so it gets a sidebar nav item
    const nav = screen.getByRole('navigation', { name: 'sidebar nav' });
    expect(within(nav).getByRole('link', { name: 'ITSM' })).toHaveAttribute(
      'href',
      '/itsm',
    );
  }, 20_000);
});
