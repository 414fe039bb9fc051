import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  BASE_URL,
  change,
  incident,
  problem,
  workaround,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ProblemPage } from './ProblemPage';

jest.setTimeout(60_000);

const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

const server = setupServer();
registerMswTestHooks(server);

const id = problem().id;

function serve(current = problem()) {
  const requests: Array<{ method: string; path: string; body: any }> = [];
  const record = async (request: Request) => {
    requests.push({
      method: request.method,
      path: new URL(request.url).pathname,
      body: await request.json(),
    });
  };
  server.use(
    http.get(`${BASE_URL}/problems/PRB-1001`, () => HttpResponse.json(current)),
    http.get(`${BASE_URL}/problems/${id}/timeline`, () =>
      HttpResponse.json({
        items: [
          {
            id: '1',
            subjectKind: 'problem',
            subjectId: id,
            type: 'created',
            actor: 'user:default/alice',
            at: '2026-11-10T10:00:00.000Z',
            message: 'Opened from INC-1042, INC-1043',
          },
        ],
      }),
    ),
    http.get(`${BASE_URL}/incidents`, ({ request }) =>
      HttpResponse.json({
        items:
          new URL(request.url).searchParams.get('problemId') === id
            ? [incident({ problemId: id })]
            : [],
      }),
    ),
    http.get(`${BASE_URL}/workarounds`, () =>
      HttpResponse.json({ items: [workaround()] }),
    ),
    http.patch(`${BASE_URL}/problems/${id}`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ ...current, version: 2 });
    }),
    http.post(`${BASE_URL}/problems/${id}/incidents`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ ...current, version: 2 });
    }),
    http.post(`${BASE_URL}/problems/${id}/changes`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ ...current, version: 2 });
    }),
    http.get(`${BASE_URL}/changes`, ({ request }) =>
      HttpResponse.json({
        items:
          new URL(request.url).searchParams.get('q') === 'pool'
            ? [change({ id: 'c7', ref: 'CHG-1007', title: 'Raise the pool' })]
            : [],
      }),
    ),
    http.patch(`${BASE_URL}/workarounds/:wid`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(workaround({ status: 'retired' }));
    }),
  );
  return requests;
}

function render() {
  return renderWithApis(
    <Routes>
      <Route path="/problems/:id" element={<ProblemPage />} />
    </Routes>,
    { routeEntries: ['/problems/PRB-1001'] },
  );
}

describe('ProblemPage', () => {
  it('shows the problem, its incidents, workarounds and timeline', async () => {
    serve();
    await render();
    expect(
      await screen.findByText('PRB-1001: Acquirer timeouts'),
    ).toBeInTheDocument();
    expect(screen.getByText('Not known yet')).toBeInTheDocument();
    expect(
      await screen.findByRole('link', { name: 'INC-1042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(
      screen.getByRole('listitem', {
        name: 'WA-1001: Fail over to the secondary acquirer',
      }),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Opened from INC-1042, INC-1043'),
    ).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Status actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map(b => b.textContent),
    ).toEqual(['Record known error', 'Resolve', 'Close']);
  });

  it('asks for the root cause to record a known error', async () => {
    const requests = serve();
    await render();
    await user.click(
      await screen.findByRole('button', { name: 'Record known error' }),
    );
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', {
      name: 'Record known error',
    });
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/^Root cause/), {
      target: { value: 'Acquirer connection pool too small' },
    });
    await user.click(confirm);
    await screen.findByText('PRB-1001: Acquirer timeouts');
    expect(requests).toContainEqual({
      method: 'PATCH',
      path: `/api/itsm/problems/${id}`,
      body: {
        status: 'known_error',
        rootCause: 'Acquirer connection pool too small',
        version: 1,
      },
    });
  });

  it('lists the changes that fix it; links one found by search, unlinks one, and resolves naming them', async () => {
    const requests = serve(
      problem({
        status: 'fix_in_progress',
        rootCause: 'Pool too small',
        fixChanges: [
          {
            id: 'c1',
            ref: 'CHG-1001',
            title: 'Upgrade the database',
            status: 'closed',
            outcome: 'rolled_back',
            plannedStart: '2026-11-01T10:00:00.000Z',
            plannedEnd: '2026-11-01T11:00:00.000Z',
          },
        ],
      }),
    );
    await render();
    const item = await screen.findByRole('listitem', { name: 'CHG-1001' });
    expect(within(item).getByText('Upgrade the database')).toBeInTheDocument();
    expect(within(item).getByText('Rolled back')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Unlink' }));

    await user.type(
      screen.getByLabelText('Link a change that fixes it'),
      'pool',
    );
    await user.click(
      await screen.findByRole('option', { name: 'CHG-1007: Raise the pool' }),
    );
    await user.click(screen.getByRole('button', { name: 'Link change' }));

    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText('Fixed by CHG-1001 (Rolled back).'),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(requests).toHaveLength(3));
    expect(requests).toEqual([
      {
        method: 'POST',
        path: `/api/itsm/problems/${id}/changes`,
        body: { unlink: ['c1'], version: 1 },
      },
      {
        method: 'POST',
        path: `/api/itsm/problems/${id}/changes`,
        body: { link: ['c7'], version: 1 },
      },
      {
        method: 'PATCH',
        path: `/api/itsm/problems/${id}`,
        body: { status: 'resolved', version: 1 },
      },
    ]);
  });

  it('requests a change prefilled with its services and the problem', async () => {
    serve();
    await render();
    await user.click(
      await screen.findByRole('button', { name: 'Request change' }),
    );
    const dialog = await screen.findByRole('dialog');
    // The services read by name, the problem by ref and title
    expect(
      await within(dialog).findByRole('button', { name: 'payments-api' }),
    ).toBeInTheDocument();
    await waitFor(() =>
      expect(within(dialog).getByLabelText('Fixes problem')).toHaveValue(
        'PRB-1001: Acquirer timeouts',
      ),
    );
  });

  it('unlinks and links incidents, and retires a workaround', async () => {
    const requests = serve();
    await render();
    await user.click(
      await screen.findByRole('button', { name: 'Unlink INC-1042' }),
    );
    fireEvent.change(screen.getByLabelText('Link incidents'), {
      target: { value: 'INC-1050, INC-1051' },
    });
    await user.click(screen.getByRole('button', { name: 'Link' }));
    await user.click(screen.getByRole('button', { name: 'Retire' }));
    await screen.findByText('PRB-1001: Acquirer timeouts');
    expect(requests.map(r => r.body)).toEqual([
      { unlink: [incident().id], version: 1 },
      { link: ['INC-1050', 'INC-1051'], version: 1 },
      { version: 1, status: 'retired' },
    ]);
  });

  it('sets the owner group', async () => {
    const requests = serve(problem({ ownerGroup: undefined }));
    await render();
    const save = await screen.findByRole('button', {
      name: 'Save ownership and services',
    });
    expect(save).toBeDisabled();
    await user.click(screen.getByRole('textbox', { name: 'Owner group' }));
    await user.click(
      await screen.findByRole('option', { name: 'payments-team' }),
    );
    await user.click(save);
    await waitFor(() =>
      expect(requests).toContainEqual({
        method: 'PATCH',
        path: `/api/itsm/problems/${id}`,
        body: { ownerGroup: 'group:default/payments-team', version: 1 },
      }),
    );
  });
});
