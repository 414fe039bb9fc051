import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, change, service } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ChangeList } from './ChangeList';
import { EntityChangesCard } from './EntityChangesCard';
import { formatDateTime } from '../common/formatTime';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

/** The API's reason when no approved change of the service is open. */
const NO_CHANGE = {
  code: 'no_change',
  message:
    'No approved change of component:default/payments-api has its window open at 2026-12-24T10:00:00.000Z',
};

/** A service with no changes whose deploy gate is blocked for `reasons`. */
function serveBlockedGate(reasons: object[]) {
  server.use(
    http.get(`${BASE_URL}/changes`, () => HttpResponse.json({ items: [] })),
    http.get(`${BASE_URL}/changes/metrics`, () =>
      HttpResponse.json({
        from: '2026-08-25T00:00:00.000Z',
        to: '2026-11-23T00:00:00.000Z',
        services: [],
      }),
    ),
    http.get(`${BASE_URL}/changes/gate`, () =>
      HttpResponse.json({
        entityRef: 'component:default/payments-api',
        at: '2026-12-24T10:00:00.000Z',
        allowed: false,
        reasons,
      }),
    ),
  );
}

describe('ChangeList', () => {
  it('lists a service’s changes page by page, with status filter as a query parameter', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/changes`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        if (params.get('cursor') === 'page-2') {
          return HttpResponse.json({
            items: [
              change({ id: 'c', ref: 'CHG-1001', title: 'Oldest change' }),
            ],
          });
        }
        return HttpResponse.json({
          items: [
            change({ id: 'a', ref: 'CHG-1003', title: 'Newest change' }),
            change({
              id: 'b',
              ref: 'CHG-1002',
              title: 'Rolled back change',
              status: 'closed',
              outcome: 'rolled_back',
            }),
          ],
          nextCursor: 'page-2',
          totalCount: 3,
        });
      }),
    );
    await renderWithApis(
      <ChangeList entityRef="component:default/payments-api" />,
    );
    expect(await screen.findByText('Newest change')).toBeInTheDocument();
    expect(screen.getByText('Rolled back')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'CHG-1003' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-1003',
    );
    expect(screen.getByText('1–2 of 3')).toBeInTheDocument();
    expect(requests[0].get('entityRef')).toBe('component:default/payments-api');

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Oldest change')).toBeInTheDocument();
    expect(requests.at(-1)!.get('cursor')).toBe('page-2');

    await userEvent.click(screen.getByLabelText('Status'));
    await userEvent.click(
      await screen.findByRole('option', { name: 'Scheduled' }),
    );
    await waitFor(() => {
      expect(requests.at(-1)!.get('status')).toBe('scheduled');
      expect(requests.at(-1)!.get('cursor')).toBeNull();
    });
  });

  it('shows an empty state and errors', async () => {
    server.use(
      http.get(`${BASE_URL}/changes`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<ChangeList />);
    expect(await screen.findByText('No changes')).toBeInTheDocument();
  });

  it('says plainly when the server refuses the read (403)', async () => {
    server.use(
      http.get(`${BASE_URL}/changes`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not allowed to read changes (itsm.change.read)',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(<ChangeList />);
    // A refusal says so, with the permission the server named
    expect(await screen.findByText(/Not shown to you/)).toBeInTheDocument();
    expect(
      screen.getByText(/not allowed to read changes \(itsm.change.read\)/),
    ).toBeInTheDocument();
  });
});

describe('EntityChangesCard', () => {
  it('groups a service’s changes into in progress, upcoming and recent', async () => {
    server.use(
      http.get(`${BASE_URL}/changes`, () =>
        HttpResponse.json({
          items: [
            change({
              id: 'a',
              ref: 'CHG-1004',
              title: 'Next week',
              status: 'scheduled',
            }),
            change({
              id: 'b',
              ref: 'CHG-1003',
              title: 'Running now',
              status: 'implement',
            }),
            change({
              id: 'c',
              ref: 'CHG-1002',
              title: 'Went fine',
              status: 'closed',
              outcome: 'successful',
            }),
          ],
        }),
      ),
    );
    server.use(
      http.get(`${BASE_URL}/changes/metrics`, ({ request }) =>
        HttpResponse.json({
          from: '2026-08-25T00:00:00.000Z',
          to: '2026-11-23T00:00:00.000Z',
          entityRef: new URL(request.url).searchParams.get('entityRef'),
          services: [
            {
              entityRef: 'component:default/payments-api',
              changesClosed: 3,
              changesFailed: 1,
              changeFailureRate: 1 / 3,
              incidents: 8,
              incidentsCausedByChanges: 2,
              causedByChangeShare: 0.25,
            },
          ],
        }),
      ),
    );
    const gateQueries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/changes/gate`, ({ request }) => {
        gateQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          entityRef: 'component:default/payments-api',
          at: '2026-11-30T10:00:00.000Z',
          allowed: true,
          reasons: [
            {
              code: 'change_window_open',
              changeRef: 'CHG-1003',
              message:
                'CHG-1003 (normal change, implement) has its window open',
            },
          ],
          change: change({ id: 'b', ref: 'CHG-1003', status: 'implement' }),
          until: '2026-11-30T12:00:00.000Z',
        });
      }),
    );
    await renderWithApis(<EntityChangesCard />, { entity: service });
    const gateLine = await screen.findByText(
      `Deploy gate: open until ${formatDateTime('2026-11-30T12:00:00.000Z')}`,
      { exact: false },
    );
    expect(
      within(gateLine).getByRole('link', { name: 'CHG-1003' }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-1003');
    expect(gateQueries.map(q => Object.fromEntries(q))).toEqual([
      { entityRef: 'component:default/payments-api' },
    ]);
    expect(
      await screen.findByText(
        'Last 90 days — change failure rate: 33 % (1 of 3 failed or rolled back); incidents caused by changes: 25 % (2 of 8).',
      ),
    ).toBeInTheDocument();
    const running = await screen.findByRole('table', { name: 'In progress' });
    expect(within(running).getByText('Running now')).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Upcoming' })).getByText(
        'Next week',
      ),
    ).toBeInTheDocument();
    const recent = screen.getByRole('table', { name: 'Recent' });
    expect(within(recent).getByText('Successful')).toBeInTheDocument();
  });

  it('says why a deployment would be blocked now', async () => {
    serveBlockedGate([
      NO_CHANGE,
      {
        code: 'awaiting_approval',
        changeRef: 'CHG-1005',
        message: 'CHG-1005 is awaiting approval',
      },
      {
        code: 'freeze',
        freeze: 'year-end',
        at: '2027-01-03T00:00:00.000Z',
        message: "Freeze 'year-end' until 2027-01-03T00:00:00.000Z",
      },
    ]);
    await renderWithApis(<EntityChangesCard />, { entity: service });
    expect(
      await screen.findByText(
        `Deploy gate: blocked: CHG-1005 is awaiting approval; freeze 'year-end' until ${formatDateTime(
          '2027-01-03T00:00:00.000Z',
        )}`,
      ),
    ).toBeInTheDocument();
  });

  it('says in words when no approved change is open, without the ref or UTC time', async () => {
    serveBlockedGate([NO_CHANGE]);
    await renderWithApis(<EntityChangesCard />, { entity: service });
    expect(
      await screen.findByText(
        'Deploy gate: blocked: no approved change of this service has its window open now',
      ),
    ).toBeInTheDocument();
  });
});
