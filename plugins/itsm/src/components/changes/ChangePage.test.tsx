import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  BASE_URL,
  change,
  incident,
  problem,
} from '../../__testUtils__/fixtures';
import { useState } from 'react';
import { IncidentCauseControl } from './IncidentCauseControl';
import { ChangeProblemControl } from './ChangeProblemControl';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ChangePage } from './ChangePage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

function renderPage() {
  return renderWithApis(
    <Routes>
      <Route path="/changes/:id" element={<ChangePage />} />
    </Routes>,
    { routeEntries: ['/changes/CHG-1001'] },
  );
}

describe('ChangePage', () => {
  it('approves a change and shows it scheduled with the decision', async () => {
    let current = change({
      problemRef: 'PRB-1003',
      conflicts: [
        {
          kind: 'overlap',
          service: 'component:default/payments-api',
          changeId: 'x',
          changeRef: 'CHG-1000',
          title: 'Rotate certificates',
          start: '2026-12-08T11:00:00.000Z',
          end: '2026-12-08T13:00:00.000Z',
        },
      ],
    });
    const decisions: unknown[] = [];
    server.use(
      http.get(`${BASE_URL}/changes/CHG-1001`, () =>
        HttpResponse.json(current),
      ),
      http.get(`${BASE_URL}/changes/:id/events`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.post(`${BASE_URL}/changes/:id/approvals`, async ({ request }) => {
        const body = await request.json();
        decisions.push(body);
        current = change({
          status: 'scheduled',
          version: 4,
          approval: { state: 'approved', missingGroups: [], missing: 0 },
          approvals: [
            {
              id: '1',
              approver: 'user:default/carol',
              group: 'group:default/cab',
              decision: 'approved',
              comment: 'Go',
              round: 1,
              at: '2026-11-21T10:00:00.000Z',
            },
          ],
        });
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    await renderPage();
    expect(
      await screen.findByText('CHG-1001: Upgrade payments database'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'PRB-1003' })).toHaveAttribute(
      'href',
      '/itsm/problems/PRB-1003',
    );
    expect(screen.getByText(/Overlaps/)).toHaveTextContent(
      'Overlaps CHG-1000 (Rotate certificates)',
    );
    expect(
      screen.getByText(/waiting for group:default\/cab/),
    ).toBeInTheDocument();
    // Rejecting needs a reason
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();

    await userEvent.type(
      screen.getByLabelText('Comment (required to reject)'),
      'Go',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const approvals = await screen.findByRole('list', { name: 'Approvals' });
    // People and groups read by name, linked to the catalog
    expect(approvals).toHaveTextContent(
      /Approved by carol for cab \(round 1\)/,
    );
    expect(
      within(approvals).getByRole('link', { name: 'carol' }),
    ).toBeInTheDocument();
    expect(decisions).toEqual([{ decision: 'approved', comment: 'Go' }]);
    const actions = screen.getByRole('group', { name: 'Status actions' });
    expect(
      within(actions).getByRole('button', { name: 'Start implementation' }),
    ).toBeInTheDocument();
  });

  it('shows the server’s refusal of a self-approval', async () => {
    server.use(
      http.get(`${BASE_URL}/changes/CHG-1001`, () =>
        HttpResponse.json(change()),
      ),
      http.get(`${BASE_URL}/changes/:id/events`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.post(`${BASE_URL}/changes/:id/approvals`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'Nobody approves their own change',
            },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    await renderPage();
    await userEvent.click(
      await screen.findByRole('button', { name: 'Approve' }),
    );
    expect(
      await screen.findByText('Nobody approves their own change'),
    ).toBeInTheDocument();
  });

  it('closes a change in review with its outcome, and links a caused incident', async () => {
    let current = change({
      status: 'review',
      approval: { state: 'approved', missingGroups: [], missing: 0 },
    });
    const patches: unknown[] = [];
    const links: unknown[] = [];
    server.use(
      http.get(`${BASE_URL}/changes/CHG-1001`, () =>
        HttpResponse.json(current),
      ),
      http.get(`${BASE_URL}/changes/:id/events`, () =>
        HttpResponse.json({
          items: [
            {
              id: '1',
              changeId: current.id,
              type: 'created',
              actor: 'user:default/alice',
              at: '2026-11-20T10:00:00.000Z',
              message: 'Requested a normal change',
            },
          ],
        }),
      ),
      http.patch(`${BASE_URL}/changes/:id`, async ({ request }) => {
        patches.push(await request.json());
        current = {
          ...current,
          status: 'closed',
          outcome: 'failed',
          version: 4,
        };
        return HttpResponse.json(current);
      }),
      http.post(`${BASE_URL}/changes/:id/incidents`, async ({ request }) => {
        links.push(await request.json());
        current = {
          ...current,
          causedIncidents: [
            {
              id: 'i',
              ref: 'INC-1042',
              title: 'Checkout errors',
              status: 'new',
              priority: 'P1',
            },
          ],
        };
        return HttpResponse.json(current, { status: 201 });
      }),
    );
    await renderPage();
    expect(
      await screen.findByText('Requested a normal change'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Close' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', {
      name: 'Close change',
    });
    expect(confirm).toBeDisabled(); // the outcome is required
    await userEvent.click(
      within(dialog).getByRole('button', { name: /^Outcome/ }),
    );
    await userEvent.click(
      await screen.findByRole('option', { name: 'Failed', hidden: true }),
    );
    await userEvent.click(confirm);
    await waitFor(() => expect(patches).toHaveLength(1));
    expect(patches).toEqual([
      { status: 'closed', outcome: 'failed', version: 3 },
    ]);

    fireEvent.change(screen.getByLabelText('Incident ref'), {
      target: { value: 'INC-1042' },
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Link as caused by this change' }),
    );
    expect(
      await screen.findByRole('link', { name: 'INC-1042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(links).toEqual([{ incident: 'INC-1042' }]);
  });
});

describe('IncidentCauseControl', () => {
  it('links an incident to the change that caused it, from the incident’s side', async () => {
    server.use(
      http.get(`${BASE_URL}/changes/:id`, () => HttpResponse.json(change())),
      http.get(`${BASE_URL}/changes`, ({ request }) =>
        HttpResponse.json({
          items:
            new URL(request.url).searchParams.get('q') === 'upgrade'
              ? [change()]
              : [],
        }),
      ),
    );
    const calls: Array<string | null> = [];
    // Stands in for the incident page: the incident reloads with the link
    function Harness() {
      const [value, setValue] = useState(incident());
      return (
        <IncidentCauseControl
          incident={value}
          busy={false}
          onSet={async ref => {
            calls.push(ref);
            setValue(
              incident({ causedByChangeId: ref ? change().id : undefined }),
            );
            return true;
          }}
        />
      );
    }
    await renderWithApis(<Harness />);
    await userEvent.type(screen.getByLabelText('Caused by change'), 'upgrade');
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'CHG-1001: Upgrade payments database',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Link change' }));
    expect(
      await screen.findByRole('link', {
        name: /CHG-1001: Upgrade payments database/,
      }),
    ).toHaveAttribute('href', '/itsm/changes/CHG-1001');
    await userEvent.click(
      screen.getByRole('button', { name: 'Unlink change' }),
    );
    expect(
      await screen.findByLabelText('Caused by change'),
    ).toBeInTheDocument();
    expect(calls).toEqual(['CHG-1001', null]);
  });
});

describe('ChangeProblemControl', () => {
  it('changes and clears the problem a change fixes, after its creation', async () => {
    server.use(
      http.get(`${BASE_URL}/problems`, ({ request }) =>
        HttpResponse.json({
          items:
            new URL(request.url).searchParams.get('q') === 'receipts'
              ? [
                  problem({
                    id: 'p3',
                    ref: 'PRB-1003',
                    title: 'Duplicate receipts',
                  }),
                ]
              : [],
        }),
      ),
    );
    const calls: Array<string | null> = [];
    function Harness() {
      const [value, setValue] = useState(change({ problemRef: 'PRB-1001' }));
      return (
        <ChangeProblemControl
          change={value}
          busy={false}
          onSet={async ref => {
            calls.push(ref);
            setValue(change({ problemRef: ref ?? undefined }));
            return true;
          }}
        />
      );
    }
    await renderWithApis(<Harness />);
    expect(screen.getByText('Fixes problem PRB-1001')).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Change problem' }),
    );
    await userEvent.type(screen.getByLabelText('Fixes problem'), 'receipts');
    await userEvent.click(
      await screen.findByRole('option', {
        name: 'PRB-1003: Duplicate receipts',
      }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Link problem' }));
    expect(
      await screen.findByText('Fixes problem PRB-1003'),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Unlink problem' }),
    );
    expect(await screen.findByLabelText('Fixes problem')).toBeInTheDocument();
    expect(calls).toEqual(['PRB-1003', null]);
  });
});
