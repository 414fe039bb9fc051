import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { Alert } from '@openitsm/backstage-plugin-itsm-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { IncidentAlerts } from './IncidentAlerts';
import { UnmappedAlerts } from './UnmappedAlerts';

const server = setupServer();
registerMswTestHooks(server);

const alert = (over: Partial<Alert> = {}): Alert => ({
  id: 'a1',
  source: 'alertmanager',
  dedupKey: '1a30ba71cca2921f',
  incidentId: 'i1',
  incidentRef: 'INC-1042',
  entityRef: 'component:default/payments-api',
  status: 'firing',
  title: 'payments-api 5xx ratio above 5%',
  description: '',
  severity: 'critical',
  labels: { alertname: 'HighErrorRate', service: 'payments-api' },
  annotations: { description: '12.4% 5xx', runbook_url: 'https://rb/1' },
  links: {
    runbook: { href: 'https://runbooks.example.org/payments', text: 'Runbook' },
    generator: { href: 'http://prometheus.example.org/graph', text: 'Source' },
  },
  receivedCount: 42,
  firstSeenAt: '2026-11-29T21:58:45.000Z',
  lastSeenAt: '2026-11-29T22:10:00.000Z',
  ...over,
});

describe('IncidentAlerts', () => {
  it("shows an alert-opened incident's alerts: labels, links, count", async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE_URL}/alerts`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [
            alert(),
            alert({ id: 'a2', status: 'resolved', receivedCount: 1 }),
          ],
        });
      }),
    );
    await renderWithApis(
      <IncidentAlerts
        incident={incident({ id: 'i1', source: 'alertmanager' })}
      />,
    );
    const table = await screen.findByRole('table', { name: 'Alerts' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toHaveTextContent('firing');
    expect(rows[1]).toHaveTextContent('service=payments-api');
    expect(rows[1]).toHaveTextContent('description: 12.4% 5xx');
    expect(rows[1]).toHaveTextContent('42');
    expect(rows[2]).toHaveTextContent('resolved');
    expect(
      within(rows[1]).getByRole('link', { name: /^Runbook/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.org/payments');
    expect(
      within(rows[1]).getByRole('link', { name: /^Source/ }),
    ).toBeInTheDocument();
    expect(query?.get('incidentId')).toBe('i1');
  });

  it('shows nothing for incidents people reported', async () => {
    const { container } = await renderWithApis(
      <IncidentAlerts incident={incident({ source: 'portal' })} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});

describe('UnmappedAlerts', () => {
  it('lists the alerts no service matched', async () => {
    let query: URLSearchParams | undefined;
    server.use(
      http.get(`${BASE_URL}/alerts`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({
          items: [
            alert({
              source: 'generic',
              dedupKey: 'edge-proxy/tls-expiry',
              incidentId: undefined,
              incidentRef: undefined,
              entityRef: undefined,
              title: 'TLS certificate expires in 6 days',
              labels: { job: 'blackbox' },
              links: {},
            }),
          ],
        });
      }),
    );
    await renderWithApis(<UnmappedAlerts />);
    expect(
      await screen.findByText('TLS certificate expires in 6 days'),
    ).toBeInTheDocument();
    expect(screen.getByText('job=blackbox')).toBeInTheDocument();
    expect(query?.get('unmapped')).toBe('true');
  });

  it('says when there is none', async () => {
    server.use(
      http.get(`${BASE_URL}/alerts`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<UnmappedAlerts />);
    expect(await screen.findByText('No unmapped alerts')).toBeInTheDocument();
  });
});
