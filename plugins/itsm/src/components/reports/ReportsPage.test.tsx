import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen } from '@testing-library/react';
import { kpiValuesOf } from '@openitsm/backstage-plugin-itsm-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ItsmPage } from '../ItsmPage/ItsmPage';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const MIN = 60_000;
const totals = kpiValuesOf({
  opened: 12,
  resolved: 10,
  acknowledged: 10,
  ttaSumMs: 100 * MIN,
  tta2: 10,
  ttrSumMs: 900 * MIN,
  ttr5: 10,
  resolvedReopened: 1,
  resolutionMet: 9,
  resolutionBreached: 1,
});

const GROUPS: Record<string, Array<{ key: string; kpis: object }>> = {
  week: [
    { key: '2026-W46', kpis: kpiValuesOf({ opened: 5, resolved: 4 }) },
    { key: '2026-W47', kpis: kpiValuesOf({ opened: 7, resolved: 6 }) },
  ],
  priority: [{ key: 'P1', kpis: kpiValuesOf({ opened: 2 }) }],
  group: [
    { key: '', kpis: kpiValuesOf({ opened: 2, resolutionBreached: 2 }) },
    {
      key: 'group:default/payments-team',
      kpis: kpiValuesOf({
        opened: 10,
        resolutionMet: 3,
        resolutionBreached: 1,
      }),
    },
  ],
  service: [
    {
      key: 'component:default/ledger',
      kpis: kpiValuesOf({ opened: 3, responseMet: 1, responseBreached: 1 }),
    },
    {
      key: 'component:default/payments-api',
      kpis: kpiValuesOf({ opened: 9, resolutionMet: 3 }),
    },
  ],
};

describe('ReportsPage', () => {
  it('charts the KPIs and narrows them to a service', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/reports/kpis`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        const groupBy = params.get('groupBy')!;
        return HttpResponse.json({
          from: '2026-08-31',
          to: '2026-11-24',
          groupBy,
          entityRef: params.get('entityRef') ?? undefined,
          totals,
          groups: GROUPS[groupBy],
          backlog: {
            open: 4,
            byAge: { lt1d: 1, '1to3d': 1, '3to7d': 0, '7to30d': 2, gt30d: 0 },
          },
          changes: { closed: 4, failed: 1, changeFailureRate: 0.25 },
          problems: { opened: 2, open: 3, medianOpenAgeMs: 12 * 24 * 3600_000 },
          actionItems: { open: 5, overdue: 2 },
        });
      }),
    );
    await renderWithApis(<ItsmPage />, { routeEntries: ['/reports'] });

    expect(await screen.findByText('Key figures')).toBeInTheDocument();
    expect(screen.getByText('Incidents by week')).toBeInTheDocument();
    expect(screen.getByText('MTTA and MTTR by week')).toBeInTheDocument();
    expect(screen.getByText('Backlog by age')).toBeInTheDocument();
    // MTTR median: 10 resolutions in [60, 120) min → rank 5 → 90 min
    expect(screen.getByText('90 min')).toBeInTheDocument();
    expect(screen.getByText('90 %')).toBeInTheDocument(); // SLA resolution
    // Top services, busiest first, with their compliance
    const rows = screen.getAllByRole('row').map(r => r.textContent);
    const payments = rows.findIndex(r => r?.includes('payments-api'));
    const ledger = rows.findIndex(r => r?.includes('ledger'));
    expect(payments).toBeGreaterThan(-1);
    expect(payments).toBeLessThan(ledger);
    expect(rows[ledger]).toContain('50 %');
    expect(queries.map(q => q.get('groupBy')).sort()).toEqual([
      'group',
      'priority',
      'service',
      'week',
    ]);
    // SLA compliance by team, the busiest first, incidents nobody was
    // assigned to named so
    expect(screen.getByText('SLA compliance by team')).toBeInTheDocument();
    const teamRows = screen
      .getAllByRole('row')
      .map(r => r.textContent ?? '')
      .filter(t => t.includes('payments-team') || t.includes('Unassigned'));
    expect(teamRows[0]).toContain('75 %');
    expect(teamRows[1]).toContain('Unassigned');
    expect(teamRows[1]).toContain('0 %');
    // Problems, action items and changes
    expect(screen.getByText('Median open problem age')).toBeInTheDocument();
    expect(screen.getByText('12 d')).toBeInTheDocument();
    expect(
      screen.getByText('Action items overdue').nextSibling,
    ).toHaveTextContent('2');
    expect(screen.getByText('25 %')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();

    fireEvent.change(screen.getByLabelText('Service'), {
      target: { value: 'component:default/ledger' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Key figures');
    await new Promise(r => setTimeout(r, 50));
    expect(queries.at(-1)?.get('entityRef')).toBe('component:default/ledger');

    fireEvent.change(screen.getByLabelText('Service'), {
      target: { value: '' },
    });
    fireEvent.change(screen.getByLabelText('System'), {
      target: { value: 'system:default/payments' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await screen.findByText('Key figures');
    await new Promise(r => setTimeout(r, 50));
    expect(queries.at(-1)?.get('system')).toBe('system:default/payments');
    expect(queries.at(-1)?.get('entityRef')).toBeNull();
    expect(
      screen.getByRole('link', { name: /Open the weekly review/ }),
    ).toHaveAttribute(
      'href',
      expect.stringMatching(/^\/itsm\/reports\/weekly\?week=\d{4}-W\d{2}$/),
    );
  });

  it('says what withholds the reports when refused', async () => {
    server.use(
      http.get(`${BASE_URL}/reports/kpis`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'You are not allowed to read KPI reports (itsm.report.read)',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(<ItsmPage />, { routeEntries: ['/reports'] });
    expect(await screen.findByText(/itsm\.report\.read/)).toBeInTheDocument();
  });
});
