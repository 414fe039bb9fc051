import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { actionItem, BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { MyActionItemsContent } from './MyActionItemsCard';
import { MyIncidentsContent } from './MyIncidentsCard';
import { MyOnCallContent } from './MyOnCallCard';
import { MyServicesContent } from './MyServicesCard';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

const GUEST = {
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest', 'group:default/sre'],
};
const HOUR = 3600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** What each card's list endpoint was asked, to check the filters. */
function recordQueries(path: string, body: () => object) {
  const queries: URLSearchParams[] = [];
  server.use(
    http.get(`${BASE_URL}${path}`, ({ request }) => {
      queries.push(new URL(request.url).searchParams);
      return HttpResponse.json(body());
    }),
  );
  return queries;
}

/** An error as Backstage's backend sends it. */
function failWith(path: string, status: number, name: string, message: string) {
  server.use(
    http.get(`${BASE_URL}${path}`, ({ request }) =>
      HttpResponse.json(
        {
          error: { name, message },
          request: { method: 'GET', url: new URL(request.url).pathname },
          response: { statusCode: status },
        },
        { status },
      ),
    ),
  );
}

function refuse(path: string, permission: string) {
  failWith(
    path,
    403,
    'NotAllowedError',
    `You are not allowed to read this (${permission})`,
  );
}

const shift = (overrides: object) => ({
  scheduleId: '22222222-2222-4222-8222-222222222222',
  scheduleName: 'sre-oncall',
  ownerGroup: 'group:default/sre',
  layer: 'primary',
  from: at(-HOUR),
  to: at(5.5 * HOUR),
  source: 'rotation',
  ...overrides,
});

describe('home card: my on-call', () => {
  it('shows the shift in progress and the next one, linked to the schedule', async () => {
    const queries = recordQueries('/oncall/shifts', () => ({
      from: at(0),
      to: at(14 * 24 * HOUR),
      items: [
        shift({}),
        shift({
          scheduleId: '33333333-3333-4333-8333-333333333333',
          scheduleName: 'platform-oncall',
          layer: 'secondary',
          from: at(48.5 * HOUR),
          to: at(80 * HOUR),
        }),
      ],
    }));
    await renderWithApis(<MyOnCallContent />, { identity: GUEST });
    expect(await screen.findByText('On call now')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'sre-oncall' })).toHaveAttribute(
      'href',
      '/itsm/oncall/schedules/22222222-2222-4222-8222-222222222222',
    );
    expect(screen.getByText(/in 5 hours/)).toBeInTheDocument();
    expect(screen.getByText('Next shift')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'platform-oncall' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/in 2 days/)).toBeInTheDocument();
    expect(queries[0].get('user')).toBe('user:default/guest');
    const window =
      Date.parse(queries[0].get('to')!) - Date.parse(queries[0].get('from')!);
    expect(window).toBe(14 * 24 * HOUR);
  });

  it('says when the user is not on call now, or at all', async () => {
    recordQueries('/oncall/shifts', () => ({
      from: at(0),
      to: at(14 * 24 * HOUR),
      items: [shift({ from: at(3 * HOUR), to: at(10 * HOUR) })],
    }));
    const { unmount } = await renderWithApis(<MyOnCallContent />, {
      identity: GUEST,
    });
    expect(
      await screen.findByText('You are not on call right now.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Next shift')).toBeInTheDocument();
    unmount();

    recordQueries('/oncall/shifts', () => ({
      from: at(0),
      to: at(14 * 24 * HOUR),
      items: [],
    }));
    await renderWithApis(<MyOnCallContent />, { identity: GUEST });
    expect(
      await screen.findByText('You are not on call in the next 14 days.'),
    ).toBeInTheDocument();
  });

  it('says which permission withholds the schedules', async () => {
    refuse('/oncall/shifts', 'itsm.oncall.read');
    await renderWithApis(<MyOnCallContent />, { identity: GUEST });
    expect(await screen.findByText(/Not shown to you/)).toBeInTheDocument();
    expect(
      screen.getByText(
        'You are not allowed to read this (itsm.oncall.read). Ask your Backstage administrators for access if you need it.',
      ),
    ).toBeInTheDocument();
  });
});

describe('home card: my open incidents', () => {
  it('lists the open incidents assigned to me, P1 first, with their SLA', async () => {
    const queries = recordQueries('/incidents', () => ({
      items: [
        incident({
          id: 'i3',
          ref: 'INC-1050',
          title: 'Slow search',
          priority: 'P3',
          status: 'acknowledged',
        }),
        incident({
          sla: {
            policy: 'default',
            paused: false,
            response: {
              targetMinutes: 15,
              calendar: '24x7',
              dueAt: at(-2 * HOUR),
              warningAt: at(-2.1 * HOUR),
              state: 'breached',
            },
            resolution: {
              targetMinutes: 240,
              calendar: '24x7',
              dueAt: at(HOUR),
              warningAt: at(0),
              state: 'running',
            },
          },
        }),
      ],
    }));
    await renderWithApis(<MyIncidentsContent />, { identity: GUEST });
    const list = await screen.findByRole('list', {
      name: 'My open incidents',
    });
    const rows = within(list).getAllByRole('listitem');
    expect(
      within(rows[0]).getByRole('link', { name: 'INC-1042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(
      within(rows[0]).getByText(/Response SLA breached, 2h 0m overdue/),
    ).toBeInTheDocument();
    expect(within(rows[1]).getByText(/Slow search/)).toBeInTheDocument();
    expect(queries[0].get('assignee')).toBe('user:default/guest');
    expect(queries[0].get('status')).toBe(
      'new,acknowledged,in_progress,on_hold',
    );
  });

  it('says when nothing is assigned to me, and why a list is refused', async () => {
    recordQueries('/incidents', () => ({ items: [] }));
    const { unmount } = await renderWithApis(<MyIncidentsContent />, {
      identity: GUEST,
    });
    expect(
      await screen.findByText('No open incidents are assigned to you.'),
    ).toBeInTheDocument();
    unmount();

    refuse('/incidents', 'itsm.incident.read');
    await renderWithApis(<MyIncidentsContent />, { identity: GUEST });
    expect(await screen.findByText(/itsm\.incident\.read/)).toBeInTheDocument();
  });

  it('shows a server failure', async () => {
    failWith('/incidents', 500, 'Error', 'Internal error (request id 7)');
    await renderWithApis(<MyIncidentsContent />, { identity: GUEST });
    expect(
      (await screen.findAllByText(/Internal error \(request id 7\)/))[0],
    ).toBeInTheDocument();
    expect(screen.queryByText('Not shown to you')).not.toBeInTheDocument();
  });
});

describe('home card: my action items', () => {
  it('lists my open items, overdue first, linked to their incidents', async () => {
    const queries = recordQueries('/action-items', () => ({
      items: [
        actionItem({ owner: 'user:default/guest' }),
        actionItem({
          id: 'a2',
          ref: 'ACT-1002',
          title: 'Canary for the ledger',
          overdue: false,
          dueDate: '2099-01-10',
          incidentRef: 'INC-1050',
        }),
      ],
    }));
    await renderWithApis(<MyActionItemsContent />, { identity: GUEST });
    const list = await screen.findByRole('list', { name: 'My action items' });
    const rows = within(list).getAllByRole('listitem');
    expect(
      within(rows[0]).getByText(/Overdue \(due Nov 25/),
    ).toBeInTheDocument();
    expect(
      within(rows[0]).getByRole('link', { name: 'INC-1042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(within(rows[1]).getByText(/Due Jan 10, 2099/)).toBeInTheDocument();
    expect(queries[0].get('owner')).toBe('user:default/guest');
    expect(queries[0].get('status')).toBe('open,in_progress');
  });

  it('says when I have none, and why they are withheld', async () => {
    recordQueries('/action-items', () => ({ items: [] }));
    const { unmount } = await renderWithApis(<MyActionItemsContent />, {
      identity: GUEST,
    });
    expect(
      await screen.findByText('You have no open action items.'),
    ).toBeInTheDocument();
    unmount();

    refuse('/action-items', 'itsm.review.read');
    await renderWithApis(<MyActionItemsContent />, { identity: GUEST });
    expect(await screen.findByText(/itsm\.review\.read/)).toBeInTheDocument();
  });
});

describe("home card: my groups' services with open incidents", () => {
  it('lists the services with their open incidents per priority', async () => {
    const queries = recordQueries('/services/open-incidents', () => ({
      serviceCount: 3,
      items: [
        {
          entityRef: 'component:default/payments-api',
          title: 'Payments API',
          owner: 'group:default/sre',
          openCount: 3,
          openByPriority: { P1: 2, P2: 0, P3: 1, P4: 0, P5: 0 },
        },
      ],
    }));
    await renderWithApis(<MyServicesContent />, { identity: GUEST });
    const list = await screen.findByRole('list', {
      name: 'Services with open incidents',
    });
    expect(
      screen.getByText("1 of your groups' 3 services has open incidents."),
    ).toBeInTheDocument();
    expect(within(list).getByText('2×')).toBeInTheDocument();
    expect(within(list).getByText('P1')).toBeInTheDocument();
    expect(within(list).queryByText('P2')).not.toBeInTheDocument();
    expect(
      within(list).getByRole('link', { name: 'Payments API' }),
    ).toHaveAttribute('href', '/catalog/default/component/payments-api');
    const incidents = new URL(
      within(list)
        .getByRole('link', { name: 'Open incidents of Payments API' })
        .getAttribute('href')!,
      'http://localhost',
    );
    expect(incidents.pathname).toBe('/itsm');
    expect(incidents.searchParams.get('service')).toBe(
      'component:default/payments-api',
    );
    expect(queries[0].get('owner')).toBe(
      'user:default/guest,group:default/sre',
    );
  });

  it('says when none of them is on fire, and why they are withheld', async () => {
    recordQueries('/services/open-incidents', () => ({
      serviceCount: 3,
      items: [],
    }));
    const { unmount } = await renderWithApis(<MyServicesContent />, {
      identity: GUEST,
    });
    expect(
      await screen.findByText(
        "None of your groups' 3 services has an open incident.",
      ),
    ).toBeInTheDocument();
    unmount();

    refuse('/services/open-incidents', 'itsm.incident.read');
    await renderWithApis(<MyServicesContent />, { identity: GUEST });
    expect(await screen.findByText(/itsm\.incident\.read/)).toBeInTheDocument();
  });
});
