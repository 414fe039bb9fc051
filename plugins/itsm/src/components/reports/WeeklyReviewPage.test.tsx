import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import {
  isoWeekOf,
  kpiDayOf,
  kpiValuesOf,
  shiftIsoWeek,
  WeeklyReview,
} from '@openitsm/backstage-plugin-itsm-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ItsmPage } from '../ItsmPage/ItsmPage';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const MIN = 60_000;

function review(week: string): WeeklyReview {
  const kpis = kpiValuesOf({
    opened: 7,
    resolved: 6,
    ttrSumMs: 600 * MIN,
    ttr5: 6, // [60, 120) min: median 90 min
    resolutionMet: 3,
    resolutionBreached: 1,
  });
  const previousKpis = kpiValuesOf({
    opened: 5,
    resolved: 4,
    ttrSumMs: 400 * MIN,
    ttr4: 4, // [30, 60) min: median 45 min
    resolutionMet: 4,
  });
  return {
    week,
    from: '2026-11-16',
    to: '2026-11-23',
    kpis,
    previousKpis,
    trend: Array.from({ length: 12 }, (_, i) => ({
      week: shiftIsoWeek(week, i - 11),
      kpis: i === 11 ? kpis : previousKpis,
    })),
    priorityIncidents: [
      {
        ref: 'INC-1042',
        title: 'Card payments failing',
        priority: 'P1',
        status: 'resolved',
        service: 'component:default/payments-api',
        at: '2026-11-17T09:00:00.000Z',
      },
    ],
    slaBreaches: [],
    topServices: [{ entityRef: 'component:default/payments-api', opened: 4 }],
    majorIncidents: [
      {
        ref: 'INC-1042',
        title: 'Card payments failing',
        priority: 'P1',
        status: 'resolved',
        at: '2026-11-17T09:00:00.000Z',
        reviewStatus: 'in_review',
      },
    ],
    openProblems: [],
    failedChanges: [
      {
        ref: 'CHG-1007',
        title: 'Upgrade ledger database',
        service: 'component:default/ledger',
        at: '2026-11-19T18:00:00.000Z',
        detail: 'rolled_back',
      },
    ],
    overdueActionItems: [
      {
        ref: 'ACT-1003',
        title: 'Alert on acquirer 5xx rate',
        status: 'open',
        owner: 'group:default/payments-team',
        incidentRef: 'INC-1042',
        at: '2026-11-10T00:00:00.000Z',
      },
    ],
  };
}

/** Serves the review of the asked week and remembers what was asked. */
function serveReviews() {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(`${BASE_URL}/reports/weekly`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      const week = params.get('week')!;
      const format = params.get('format');
      if (format === 'md') {
        return new HttpResponse(`# Weekly incident review ${week}\n`, {
          headers: { 'content-type': 'text/markdown' },
        });
      }
      if (format === 'csv') {
        return new HttpResponse('section,item,title,value,previous\r\n', {
          headers: { 'content-type': 'text/csv' },
        });
      }
      return HttpResponse.json(review(week));
    }),
  );
  return asked;
}

describe('WeeklyReviewPage', () => {
  it('lays out the week for the meeting, each list with its empty state', async () => {
    serveReviews();
    await renderWithApis(<ItsmPage />, {
      routeEntries: ['/reports/weekly?week=2026-W47'],
    });

    const kpis = await screen.findByRole('table', {
      name: 'KPIs against the previous week',
    });
    const row = (label: string) =>
      within(kpis).getByRole('row', { name: new RegExp(`^${label}`) });
    expect(row('Opened')).toHaveTextContent('Opened75+2');
    // MTTR went up from 45 to 90 min: worse, and said so
    expect(row('MTTR \\(median\\)')).toHaveTextContent(
      'MTTR (median)90 min45 min+45 min',
    );
    expect(row('SLA resolution compliance')).toHaveTextContent(
      '75 %100 %−25 pt',
    );
    expect(screen.getByText('12-week trend')).toBeInTheDocument();

    const p1 = screen.getByRole('table', { name: 'P1 and P2 incidents' });
    expect(within(p1).getByRole('link', { name: 'INC-1042' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-1042',
    );
    const majors = screen.getByRole('table', { name: 'Major incidents' });
    expect(majors).toHaveTextContent('In review');
    const changes = screen.getByRole('table', { name: 'Failed changes' });
    expect(changes).toHaveTextContent('Rolled back');
    expect(
      within(changes).getByRole('link', { name: 'CHG-1007' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-1007');
    const actions = screen.getByRole('table', { name: 'Overdue action items' });
    expect(actions).toHaveTextContent('ACT-1003');
    expect(actions).toHaveTextContent('2026-11-10');
    expect(
      within(actions).getByRole('link', { name: 'INC-1042' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Top services' }),
    ).toHaveTextContent('payments-api4');
    expect(
      screen.getByText('No SLA target breached this week.'),
    ).toBeInTheDocument();
    expect(screen.getByText('No open problem.')).toBeInTheDocument();
  });

  it('moves between weeks, never past the current one', async () => {
    const asked = serveReviews();
    const current = isoWeekOf(kpiDayOf(new Date().toISOString()));
    const lastComplete = shiftIsoWeek(current, -1);
    await renderWithApis(<ItsmPage />, { routeEntries: ['/reports/weekly'] });

    await screen.findByRole('table', { name: 'P1 and P2 incidents' });
    expect(asked.at(-1)?.get('week')).toBe(lastComplete);

    fireEvent.click(screen.getByRole('button', { name: 'Previous week' }));
    await screen.findByText(
      `Weekly incident review ${shiftIsoWeek(lastComplete, -1)}`,
    );
    expect(asked.at(-1)?.get('week')).toBe(shiftIsoWeek(lastComplete, -1));

    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await screen.findByText(`Weekly incident review ${current}`);
    expect(asked.at(-1)?.get('week')).toBe(current);
    expect(screen.getByRole('button', { name: 'Next week' })).toBeDisabled();

    fireEvent.change(screen.getByLabelText('Week'), {
      target: { value: '2026-W10' },
    });
    await screen.findByText('Weekly incident review 2026-W10');
    expect(asked.at(-1)?.get('week')).toBe('2026-W10');
  });

  it('exports Markdown and CSV through the API and saves them as files', async () => {
    const asked = serveReviews();
    const saved: Array<{ download: string; blob: Blob }> = [];
    const blobs = new Map<string, Blob>();
    const createObjectURL = jest.fn((blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function save(this: HTMLAnchorElement) {
        saved.push({
          download: this.download,
          blob: blobs.get(this.getAttribute('href')!)!,
        });
      });
    try {
      await renderWithApis(<ItsmPage />, {
        routeEntries: ['/reports/weekly?week=2026-W47'],
      });
      await screen.findByRole('table', { name: 'P1 and P2 incidents' });

      fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
      await screen.findByRole('button', { name: 'Export Markdown' });
      await new Promise(r => setTimeout(r, 50));
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      await new Promise(r => setTimeout(r, 50));

      const exports = asked.filter(q => q.get('format'));
      expect(exports.map(q => [q.get('week'), q.get('format')])).toEqual([
        ['2026-W47', 'md'],
        ['2026-W47', 'csv'],
      ]);
      expect(saved.map(s => [s.download, s.blob.type])).toEqual([
        ['itsm-weekly-2026-W47.md', 'text/markdown'],
        ['itsm-weekly-2026-W47.csv', 'text/csv'],
      ]);
      const text = await saved[0].blob.text();
      expect(text).toBe('# Weekly incident review 2026-W47\n');
      expect(revokeObjectURL).toHaveBeenCalledTimes(2);
    } finally {
      click.mockRestore();
    }
  });

  it('says what withholds the review when refused', async () => {
    server.use(
      http.get(`${BASE_URL}/reports/weekly`, () =>
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
    await renderWithApis(<ItsmPage />, {
      routeEntries: ['/reports/weekly?week=2026-W47'],
    });
    expect(await screen.findByText(/itsm\.report\.read/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Export CSV' }),
    ).not.toBeInTheDocument();
  });
});
