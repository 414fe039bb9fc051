import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { kpiValuesOf, KpiReport } from '@openitsm/backstage-plugin-itsm-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityGroupKpiCard } from './EntityGroupKpiCard';
import { KpiStrip } from './KpiStrip';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const MIN = 60_000;
const DAY = 24 * 3600_000;

function report(totals: KpiReport['totals'], open: number): KpiReport {
  return {
    from: '2026-10-31',
    to: '2026-11-30',
    totals,
    backlog: {
      open,
      byAge: { lt1d: open, '1to3d': 0, '3to7d': 0, '7to30d': 0, gt30d: 0 },
    },
    changes: { closed: 0, failed: 0, changeFailureRate: null },
    problems: { opened: 0, open: 0, medianOpenAgeMs: null },
    actionItems: { open: 0, overdue: 0 },
  };
}

const current = report(
  kpiValuesOf({
    opened: 12,
    resolved: 10,
    ttrSumMs: 900 * MIN,
    ttr5: 10, // median 90 min
    resolvedReopened: 1,
    resolutionMet: 9,
    resolutionBreached: 1,
  }),
  3,
);
const previous = report(
  kpiValuesOf({
    opened: 8,
    resolved: 8,
    ttrSumMs: 2000 * MIN,
    ttr7: 8, // [240, 480) min: median 6 h
    resolutionMet: 4,
    resolutionBreached: 4,
  }),
  0,
);

/** Answers the last 30 days with `now` and the 30 before with `before`. */
function serve(now: KpiReport, before: KpiReport) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(`${BASE_URL}/reports/kpis`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      const to = Date.parse(params.get('to')!);
      return HttpResponse.json(to > Date.now() - DAY ? now : before);
    }),
  );
  return asked;
}

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('KPI strip', () => {
  it("shows a group's last 30 days against the 30 before", async () => {
    const asked = serve(current, previous);
    await renderWithApis(<EntityGroupKpiCard />, { entity: group });

    const strip = await screen.findByRole('group', {
      name: 'KPIs of the last 30 days',
    });
    expect(strip).toHaveTextContent('Open now3');
    expect(strip).toHaveTextContent('Opened12+4 vs previous 30 days');
    expect(strip).toHaveTextContent('MTTR (median)90 min−4.5 h');
    expect(strip).toHaveTextContent('SLA resolution compliance90 %+40 pt');
    expect(strip).toHaveTextContent('Reopen rate10 %+10 pt');
    expect(asked.map(q => q.get('group'))).toEqual([
      'group:default/payments-team',
      'group:default/payments-team',
    ]);
    // Two adjacent periods of 30 days
    const [a, b] = [...asked].sort(
      (x, y) => Date.parse(x.get('from')!) - Date.parse(y.get('from')!),
    );
    expect(b.get('from')).toBe(a.get('to'));
    expect(Date.parse(b.get('to')!) - Date.parse(b.get('from')!)).toBe(
      30 * DAY,
    );
    expect(screen.getByRole('link', { name: /All reports/ })).toHaveAttribute(
      'href',
      '/itsm/reports',
    );
  });

  it("reads a service's KPIs by its entity ref", async () => {
    const asked = serve(current, previous);
    await renderWithApis(
      <KpiStrip entityRef="component:default/payments-api" />,
    );
    const strip = await screen.findByRole('group', {
      name: 'KPIs of the last 30 days',
    });
    expect(within(strip).getByText('90 min')).toBeInTheDocument();
    expect(asked.map(q => q.get('entityRef'))).toEqual([
      'component:default/payments-api',
      'component:default/payments-api',
    ]);
  });

  it('says so when there were no incidents', async () => {
    const none = report(kpiValuesOf({}), 0);
    serve(none, none);
    await renderWithApis(<EntityGroupKpiCard />, { entity: group });
    expect(
      await screen.findByText('No incidents in the last 60 days.'),
    ).toBeInTheDocument();
  });

  it('says what withholds the KPIs when refused', async () => {
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
    await renderWithApis(<EntityGroupKpiCard />, { entity: group });
    expect(await screen.findByText(/itsm\.report\.read/)).toBeInTheDocument();
  });
});
