import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { DateTime, Settings } from 'luxon';
import { BASE_URL, change } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ChangeCalendar } from './ChangeCalendar';
import { calendarDays } from './calendarDays';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const realNow = Settings.now;
beforeAll(() => {
  // The calendar opens on "today": pin it to 2026-12-10 (a Thursday)
  Settings.now = () => Date.parse('2026-12-10T12:00:00Z');
  Settings.defaultZone = 'utc';
});
afterAll(() => {
  Settings.now = realNow;
  Settings.defaultZone = 'system';
});

const freezes = [
  {
    name: 'Year-end freeze',
    from: '2026-12-20T00:00:00.000Z',
    to: '2027-01-03T00:00:00.000Z',
  },
  {
    name: 'Ledger close',
    from: '2026-12-01T00:00:00.000Z',
    to: '2026-12-02T00:00:00.000Z',
    services: ['component:default/ledger'],
  },
];

describe('calendarDays', () => {
  it('puts a change on every day its window touches, not on the day its window ends at midnight', () => {
    const days = calendarDays(
      'week',
      DateTime.fromISO('2026-12-10T00:00:00Z'),
      [
        change({
          plannedStart: '2026-12-08T22:00:00.000Z',
          plannedEnd: '2026-12-10T00:00:00.000Z',
        }),
      ],
      [],
    );
    expect(days.map(d => [d.date.toISODate(), d.changes.length])).toEqual([
      ['2026-12-07', 0],
      ['2026-12-08', 1],
      ['2026-12-09', 1],
      ['2026-12-10', 0],
      ['2026-12-11', 0],
      ['2026-12-12', 0],
      ['2026-12-13', 0],
    ]);
  });

  it('shades a service’s freezes and the estate’s, not another service’s', () => {
    const days = calendarDays(
      'month',
      DateTime.fromISO('2026-12-10T00:00:00Z'),
      [],
      freezes,
      'component:default/payments-api',
    );
    const frozen = days
      .filter(d => d.freezes.length)
      .map(d => d.date.toISODate());
    expect(frozen[0]).toBe('2026-12-20');
    expect(frozen).not.toContain('2026-12-01');
  });
});

describe('ChangeCalendar', () => {
  it('shows planned windows by month with freezes shaded, then by week', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/changes`, ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [
            change(),
            change({
              id: 'other',
              ref: 'CHG-1002',
              title: 'Rotate certificates',
              plannedStart: '2026-12-08T11:00:00.000Z',
              plannedEnd: '2026-12-08T13:00:00.000Z',
            }),
            change({
              id: 'later',
              ref: 'CHG-1003',
              title: 'Touches the end',
              plannedStart: '2026-12-08T13:00:00.000Z',
              plannedEnd: '2026-12-08T14:00:00.000Z',
            }),
          ],
        });
      }),
      http.get(`${BASE_URL}/changes/freezes`, () =>
        HttpResponse.json({ items: freezes }),
      ),
    );
    await renderWithApis(
      <ChangeCalendar entityRef="component:default/payments-api" />,
    );

    const grid = await screen.findByRole('grid', { name: 'December 2026' });
    // Whole weeks, Monday 30 November to Sunday 3 January
    expect(within(grid).getAllByRole('gridcell')).toHaveLength(35);
    expect(requests[0].get('from')).toBe('2026-11-30T00:00:00.000Z');
    expect(requests[0].get('to')).toBe('2027-01-04T00:00:00.000Z');
    expect(requests[0].get('entityRef')).toBe('component:default/payments-api');

    const day8 = within(grid).getByRole('gridcell', {
      name: /December 8, 2026/,
    });
    expect(
      within(day8).getByRole('link', { name: /CHG-1001/ }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-1001');
    // CHG-1001 and CHG-1002 overlap on payments-api; CHG-1003 only touches CHG-1002
    expect(
      within(day8).getAllByLabelText('Overlaps another change'),
    ).toHaveLength(2);
    expect(
      within(day8)
        .getByRole('link', { name: /CHG-1003/ })
        .getAttribute('title'),
    ).toBe('CHG-1003: Touches the end (authorize)');
    const day24 = within(grid).getByRole('gridcell', {
      name: /December 24, 2026/,
    });
    expect(day24).toHaveAttribute('title', 'Freeze: Year-end freeze');
    const day1 = within(grid).getByRole('gridcell', {
      name: /December 1, 2026/,
    });
    expect(day1).not.toHaveAttribute('title');

    await userEvent.click(screen.getByRole('button', { name: 'Week' }));
    const week = await screen.findByRole('grid', {
      name: /Week of Dec 7, 2026/,
    });
    expect(within(week).getAllByRole('gridcell')).toHaveLength(7);
    await waitFor(() =>
      expect(requests.at(-1)!.get('from')).toBe('2026-12-07T00:00:00.000Z'),
    );

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByRole('grid', { name: /Week of Dec 14, 2026/ }),
    ).toBeInTheDocument();
  });
});
