import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { OnCallResponse } from '@openitsm/backstage-plugin-itsm-common';
import { BASE_URL, service } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityOnCallCard } from './EntityOnCallCard';

const server = setupServer();
registerMswTestHooks(server);

const inHours = (hours: number) =>
  new Date(Date.now() + hours * 3600_000 + 60_000).toISOString();

function serve(body: OnCallResponse | Response) {
  const asked: URLSearchParams[] = [];
  server.use(
    http.get(`${BASE_URL}/oncall`, ({ request }) => {
      asked.push(new URL(request.url).searchParams);
      return body instanceof Response ? body : HttpResponse.json(body);
    }),
  );
  return asked;
}

describe('EntityOnCallCard', () => {
  it('shows each level, until when, who is next and how to reach them', async () => {
    const asked = serve({
      entityRef: 'component:default/payments-api',
      source: 'itsm',
      ownerGroup: 'group:default/payments-team',
      scheduleName: 'payments-primary',
      scheduleId: 'sched-1',
      at: new Date().toISOString(),
      levels: [
        {
          level: 1,
          name: 'primary',
          people: [
            {
              userRef: 'user:default/alice',
              displayName: 'Alice Martin',
              email: 'alice@example.com',
              chatUrl: 'https://chat.example.com/alice',
            },
          ],
          until: inHours(3),
          next: {
            person: { userRef: 'user:default/bob', displayName: 'Bob Stone' },
            from: inHours(3),
          },
          shiftSource: 'override',
        },
        { level: 2, name: 'secondary', people: [] },
      ],
    });
    await renderWithApis(<EntityOnCallCard />, { entity: service });

    const primary = await screen.findByRole('listitem', {
      name: 'Level 1: primary',
    });
    expect(within(primary).getByText('Alice Martin')).toBeInTheDocument();
    expect(within(primary).getByText('override')).toBeInTheDocument();
    expect(
      within(primary).getByRole('link', { name: 'Email Alice Martin' }),
    ).toHaveAttribute('href', 'mailto:alice@example.com');
    expect(
      within(primary).getByRole('link', { name: 'Chat with Alice Martin' }),
    ).toHaveAttribute('href', 'https://chat.example.com/alice');
    expect(primary).toHaveTextContent(/Until [^(]+\(in 3 hours\)/);
    expect(primary).toHaveTextContent(/Next:Bob Stonefrom [^(]+\(in 3 hours\)/);
    expect(within(primary).getByText('Bob Stone')).toBeInTheDocument();
    expect(within(primary).getByText(/^Next:/)).toBeInTheDocument();

    const secondary = screen.getByRole('listitem', {
      name: 'Level 2: secondary',
    });
    expect(within(secondary).getByText('Nobody on call')).toBeInTheDocument();

    expect(
      screen.getByRole('link', { name: 'payments-primary' }),
    ).toHaveAttribute('href', '/itsm/oncall/schedules/sched-1');
    expect(asked[0].get('entityRef')).toBe('component:default/payments-api');
  });

  it('names an external provider with its link', async () => {
    serve({
      entityRef: 'component:default/payments-api',
      source: 'pagerduty',
      url: 'https://acme.pagerduty.com/schedules/P1',
      at: new Date().toISOString(),
      levels: [
        {
          level: 1,
          name: 'Payments',
          people: [
            {
              displayName: 'Carol PD',
              profileUrl: 'https://acme.pagerduty.com/users/U1',
            },
          ],
          until: inHours(30),
        },
      ],
    });
    await renderWithApis(<EntityOnCallCard />, { entity: service });
    expect(
      await screen.findByRole('link', { name: /^PagerDuty/ }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/schedules/P1');
    expect(
      screen.getByRole('link', { name: 'Profile of Carol PD' }),
    ).toHaveAttribute('href', 'https://acme.pagerduty.com/users/U1');
  });

  it('says how to get covered when no schedule covers the service', async () => {
    serve({
      entityRef: 'component:default/payments-api',
      source: 'itsm',
      ownerGroup: 'group:default/payments-team',
      at: new Date().toISOString(),
      levels: [],
    });
    await renderWithApis(<EntityOnCallCard />, { entity: service });
    expect(
      await screen.findByText('No on-call schedule covers this service.'),
    ).toBeInTheDocument();
    expect(screen.getByText('openitsm.io/oncall-schedule')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Manage on-call schedules' }),
    ).toHaveAttribute('href', '/itsm/oncall');
  });

  it("shows the server's error", async () => {
    serve(
      HttpResponse.json(
        {
          error: {
            name: 'NotAllowedError',
            message: 'Not allowed to read on-call',
          },
          response: { statusCode: 403 },
        },
        { status: 403 },
      ),
    );
    await renderWithApis(<EntityOnCallCard />, { entity: service });
    expect(
      (await screen.findAllByText(/Not allowed to read on-call/)).length,
    ).toBeGreaterThan(0);
  });
});
