import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, service } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityMajorIncidentBanner } from './EntityMajorIncidentBanner';
import { statusResponse } from './majorFixtures';
import { StatusPage } from './StatusPage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('StatusPage', () => {
  it('lists major incidents first with their latest update, dependents as degraded', async () => {
    server.use(
      http.get(`${BASE_URL}/status`, () => HttpResponse.json(statusResponse())),
    );
    await renderWithApis(<StatusPage />, { routeEntries: ['/itsm/status'] });
    expect(
      await screen.findByText(/1 service with a major incident/),
    ).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Services' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('cell')[1].textContent),
    ).toEqual(['Major outage', 'Possibly degraded']);
    expect(
      within(rows[0]).getByRole('link', {
        name: 'INC-1042: Card payments failing',
      }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(rows[0]).toHaveTextContent(
      'Identified (10m ago): We found the cause and are failing over.',
    );
    expect(rows[1]).toHaveTextContent(
      'Depends on payments-api, which has a major incident.',
    );
    expect(screen.getByText('Operating normally (1)')).toBeInTheDocument();
    expect(screen.getByText('ledger')).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Status' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('says when everything is operating normally', async () => {
    const calm = statusResponse();
    calm.services = calm.services.map(s => ({
      ...s,
      state: 'operational',
      incidents: [],
      impactedBy: [],
    }));
    server.use(http.get(`${BASE_URL}/status`, () => HttpResponse.json(calm)));
    await renderWithApis(<StatusPage />);
    expect(
      await screen.findByText('All 3 services are operating normally.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the status cannot be read', async () => {
    server.use(
      http.get(`${BASE_URL}/status`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'database down' } },
          { status: 500 },
        ),
      ),
    );
    await renderWithApis(<StatusPage />);
    expect(
      (await screen.findAllByText(/database down/)).length,
    ).toBeGreaterThan(0);
  });
});

describe('EntityMajorIncidentBanner', () => {
  it('shows the major incident and its latest update on the service page', async () => {
    let asked: string | null = null;
    server.use(
      http.get(`${BASE_URL}/status`, ({ request }) => {
        asked = new URL(request.url).searchParams.get('entityRef');
        return HttpResponse.json({
          ...statusResponse(),
          services: [statusResponse().services[0]],
        });
      }),
    );
    await renderWithApis(<EntityMajorIncidentBanner />, { entity: service });
    const alert = await screen.findByRole('alert');
    expect(asked).toBe('component:default/payments-api');
    expect(alert).toHaveTextContent(
      'Major incident INC-1042: Card payments failing',
    );
    expect(alert).toHaveTextContent(
      'Identified (10m ago): We found the cause and are failing over.',
    );
    expect(
      within(alert).getByRole('link', { name: 'INC-1042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
  });

  it('warns a dependent service, and stays away from a healthy one', async () => {
    const [major, degraded, healthy] = statusResponse().services;
    let answer = degraded;
    server.use(
      http.get(`${BASE_URL}/status`, () =>
        HttpResponse.json({ ...statusResponse(), services: [answer] }),
      ),
    );
    const { unmount } = await renderWithApis(<EntityMajorIncidentBanner />, {
      entity: service,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This service depends on payments-api, which has a major incident: it may be degraded.',
    );
    unmount();
    answer = healthy;
    await renderWithApis(<EntityMajorIncidentBanner />, { entity: service });
    await new Promise(r => setTimeout(r, 200));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(major.state).toBe('major_outage');
  });
});
