import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { EscalationPolicy } from '@openitsm/backstage-plugin-itsm-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { BASE_URL, schedule } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EscalationPolicyPage } from './EscalationPolicyPage';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const POLICY_URL = `${BASE_URL}/escalation-policies/default/payments-team`;

const policy: EscalationPolicy = {
  groupRef: 'group:default/payments-team',
  levels: [
    {
      afterMinutes: 0,
      targets: [{ type: 'schedule', schedule: 'payments-primary' }],
    },
    {
      afterMinutes: 30,
      targets: [{ type: 'group', groupRef: 'group:default/payments-team' }],
    },
  ],
  reassignOnBreach: true,
  notifyParentOnSla: false,
  version: 2,
  updatedAt: '2026-11-01T00:00:00.000Z',
};

function serve(current: EscalationPolicy | undefined) {
  const sent: any[] = [];
  server.use(
    http.get(`${BASE_URL}/schedules`, () =>
      HttpResponse.json({ items: [schedule()] }),
    ),
    http.get(POLICY_URL, () =>
      current
        ? HttpResponse.json(current)
        : HttpResponse.json(
            {
              error: {
                name: 'NotFoundError',
                message: 'group:default/payments-team has no escalation policy',
              },
              response: { statusCode: 404 },
            },
            { status: 404 },
          ),
    ),
    http.put(POLICY_URL, async ({ request }) => {
      const body = (await request.json()) as any;
      sent.push(body);
      return HttpResponse.json({
        ...policy,
        ...body,
        version: (body.version ?? 0) + 1,
      });
    }),
  );
  return sent;
}

function render() {
  return renderWithApis(
    <Routes>
      <Route
        path="/oncall/policies/:namespace/:name"
        element={<EscalationPolicyPage />}
      />
    </Routes>,
    { routeEntries: ['/oncall/policies/default/payments-team'] },
  );
}

const afterField = (level: number) =>
  within(screen.getByRole('group', { name: `Level ${level}` })).getByLabelText(
    'After (minutes unacknowledged)',
  );

describe('EscalationPolicyPage', () => {
  it('sends the edited levels, switches and the version it read', async () => {
    const sent = serve(policy);
    await render();
    await screen.findByRole('group', { name: 'Level 2' });
    fireEvent.change(afterField(1), { target: { value: '5' } });
    fireEvent.click(
      screen.getByLabelText(
        'On an SLA warning or breach, notify the parent group',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      version: 2,
      levels: [
        {
          afterMinutes: 5,
          targets: [{ type: 'schedule', schedule: 'payments-primary' }],
        },
        policy.levels[1],
      ],
      reassignOnBreach: true,
      notifyParentOnSla: true,
    });
  });

  it('says which level is out of order and sends nothing', async () => {
    const sent = serve(policy);
    await render();
    await screen.findByRole('group', { name: 'Level 2' });
    fireEvent.change(afterField(1), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    expect(
      await within(screen.getByRole('group', { name: 'Level 2' })).findByText(
        "30 is before the previous level's 60; levels are in escalation order",
      ),
    ).toBeInTheDocument();
    expect(sent).toHaveLength(0);
  });

  it('offers to create a policy when the group has none (404)', async () => {
    const sent = serve(undefined);
    await render();
    expect(await screen.findByText('No escalation policy')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Create policy' }));
    // A new policy starts by paging the group's own schedule at once
    await screen.findByRole('group', { name: 'Level 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      version: 0,
      levels: [
        {
          afterMinutes: 0,
          targets: [{ type: 'schedule', schedule: 'payments-primary' }],
        },
      ],
      reassignOnBreach: false,
      notifyParentOnSla: false,
    });
  });

  it('offers a reload when someone else changed the policy (409)', async () => {
    serve(policy);
    let reads = 0;
    server.use(
      http.get(POLICY_URL, () => {
        reads++;
        return HttpResponse.json(policy);
      }),
      http.put(POLICY_URL, () =>
        HttpResponse.json(
          {
            error: { name: 'ConflictError', message: 'stale version 2' },
            response: { statusCode: 409 },
          },
          { status: 409 },
        ),
      ),
    );
    await render();
    await screen.findByRole('group', { name: 'Level 2' });
    fireEvent.click(screen.getByRole('button', { name: 'Save policy' }));
    const message = await screen.findByText(
      /This policy was changed by someone else; reload/,
    );
    const alert = message.closest<HTMLElement>('[role="alert"]')!;
    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(reads).toBe(2));
  });
});
