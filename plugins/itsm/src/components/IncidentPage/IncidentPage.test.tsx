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
  incident,
  problem,
  workaround,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { IncidentPage } from './IncidentPage';

// The full page (markdown, pickers, dialogs) takes seconds to render in jsdom
jest.setTimeout(60_000);

// Checking pointer-events walks computed styles up the tree on every click,
// which is slow in jsdom with this many JSS sheets; MUI never disables them.
const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

const server = setupServer();
registerMswTestHooks(server);

const id = '11111111-1111-4111-8111-111111111111';

function serve(patch: (body: any) => Response | Promise<Response>) {
  server.use(
    http.get(`${BASE_URL}/incidents/INC-1042`, () =>
      HttpResponse.json(incident()),
    ),
    http.get(`${BASE_URL}/incidents/${id}/timeline`, () =>
      HttpResponse.json({
        items: [
          {
            id: '1',
            incidentId: id,
            type: 'created',
            actor: 'user:default/alice',
            at: '2026-11-20T10:00:00.000Z',
            message: 'Reported with priority P1',
          },
        ],
      }),
    ),
    http.patch(`${BASE_URL}/incidents/${id}`, async ({ request }) =>
      patch(await request.json()),
    ),
    http.get(`${BASE_URL}/workarounds`, () =>
      HttpResponse.json({ items: [workaround()] }),
    ),
    http.get(`${BASE_URL}/incidents/${id}/review`, () =>
      HttpResponse.json(
        { error: { name: 'NotFoundError', message: 'No review yet' } },
        { status: 404 },
      ),
    ),
  );
}

function render() {
  return renderWithApis(
    <Routes>
      <Route path="/incidents/:id" element={<IncidentPage />} />
    </Routes>,
    { routeEntries: ['/incidents/INC-1042'] },
  );
}

describe('IncidentPage', () => {
  it('offers only the legal next steps and sends the version it read', async () => {
    let sent: any;
    serve(body => {
      sent = body;
      return HttpResponse.json(
        incident({ status: 'acknowledged', version: 2 }),
      );
    });
    await render();
    expect(
      await screen.findByText('INC-1042: Card payments failing'),
    ).toBeInTheDocument();
    expect(
      await screen.findByText('Reported with priority P1'),
    ).toBeInTheDocument();
    const actions = screen.getByRole('group', { name: 'Status actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map(button => button.textContent),
    ).toEqual(['Acknowledge', 'Cancel incident']);
    await user.click(
      within(actions).getByRole('button', { name: 'Acknowledge' }),
    );
    await waitFor(() =>
      expect(sent).toEqual({ status: 'acknowledged', version: 1 }),
    );
  });

  it('asks to reload when someone else changed the incident (409)', async () => {
    serve(() =>
      HttpResponse.json(
        {
          error: {
            name: 'ConflictError',
            message: 'Incident INC-1042 was changed by someone else',
          },
          response: { statusCode: 409 },
        },
        { status: 409 },
      ),
    );
    await render();
    const actions = await screen.findByRole('group', {
      name: 'Status actions',
      hidden: true,
    });
    await user.click(
      within(actions).getByRole('button', { name: 'Acknowledge' }),
    );
    const message = await screen.findByText(
      /This incident was changed by someone else; reload to see the latest/,
    );
    const alert = message.closest<HTMLElement>('[role="alert"]')!;
    expect(
      within(alert).getByRole('button', { name: 'Reload' }),
    ).toBeInTheDocument();
  });

  it('posts an update and shows it on the reloaded timeline', async () => {
    let posted: any;
    const update = {
      id: '2',
      incidentId: id,
      type: 'update',
      actor: 'user:default/bob',
      at: '2026-11-20T10:05:00.000Z',
      message: 'Failing over to the secondary acquirer',
    };
    server.use(
      http.get(`${BASE_URL}/incidents/INC-1042`, () =>
        HttpResponse.json(incident()),
      ),
      http.get(`${BASE_URL}/incidents/${id}/timeline`, () =>
        HttpResponse.json({ items: posted ? [update] : [] }),
      ),
      http.post(`${BASE_URL}/incidents/${id}/updates`, async ({ request }) => {
        posted = await request.json();
        return HttpResponse.json(update, { status: 201 });
      }),
    );
    await render();
    fireEvent.change(await screen.findByLabelText('Add an update'), {
      target: { value: 'Failing over to the secondary acquirer' },
    });
    fireEvent.submit(screen.getByLabelText('Add an update').closest('form')!);
    expect(
      await screen.findByText('Failing over to the secondary acquirer'),
    ).toBeInTheDocument();
    expect(posted).toEqual({
      message: 'Failing over to the secondary acquirer',
    });
  });

  it('resolves with a resolution code and notes', async () => {
    let sent: any;
    server.use(
      http.get(`${BASE_URL}/incidents/INC-1042`, () =>
        HttpResponse.json(incident({ status: 'in_progress', version: 3 })),
      ),
      http.get(`${BASE_URL}/incidents/${id}/timeline`, () =>
        HttpResponse.json({ items: [] }),
      ),
      http.patch(`${BASE_URL}/incidents/${id}`, async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(incident({ status: 'resolved', version: 4 }));
      }),
    );
    await render();
    const actions = await screen.findByRole('group', {
      name: 'Status actions',
      hidden: true,
    });
    await user.click(within(actions).getByRole('button', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 10_000 });
    const resolve = within(dialog).getByRole('button', { name: 'Resolve' });
    expect(resolve).toBeDisabled(); // code and notes are required
    await user.click(
      within(dialog).getByRole('button', { name: /^Resolution code/ }),
    );
    await user.click(
      await screen.findByRole('option', { name: 'rolled back', hidden: true }),
    );
    expect(resolve).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/^Resolution notes/), {
      target: { value: 'Failed over' },
    });
    await user.click(resolve);
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({
      status: 'resolved',
      resolutionCode: 'rolled_back',
      resolutionNotes: 'Failed over',
      version: 3,
    });
  });

  it("applies one of its service's open workarounds", async () => {
    serve(() => HttpResponse.json(incident()));
    let applied: any;
    server.use(
      http.post(
        `${BASE_URL}/workarounds/:wid/uses`,
        async ({ request, params }) => {
          applied = { id: params.wid, body: await request.json() };
          return HttpResponse.json(workaround({ useCount: 4 }), {
            status: 201,
          });
        },
      ),
    );
    await render();
    const item = await screen.findByRole('listitem', {
      name: 'WA-1001: Fail over to the secondary acquirer',
    });
    await user.click(
      within(item).getByRole('button', { name: 'Apply WA-1001' }),
    );
    await waitFor(() =>
      expect(applied).toEqual({
        id: workaround().id,
        body: { incidentId: id },
      }),
    );
  });

  it('links the incident to an existing problem found by search', async () => {
    serve(() => HttpResponse.json(incident()));
    let linked: any;
    server.use(
      http.get(`${BASE_URL}/problems`, ({ request }) =>
        HttpResponse.json({
          items:
            new URL(request.url).searchParams.get('q') === 'acquirer'
              ? [problem({ version: 3 })]
              : [],
        }),
      ),
      http.get(`${BASE_URL}/problems/${problem().id}`, () =>
        HttpResponse.json(problem({ version: 4 })),
      ),
      http.post(
        `${BASE_URL}/problems/${problem().id}/incidents`,
        async ({ request }) => {
          linked = await request.json();
          return HttpResponse.json(problem({ version: 5 }));
        },
      ),
    );
    await render();
    await user.type(
      await screen.findByLabelText('Link to problem'),
      'acquirer',
    );
    await user.click(
      await screen.findByRole('option', {
        name: 'PRB-1001: Acquirer timeouts',
      }),
    );
    await user.click(screen.getByRole('button', { name: 'Link' }));
    await waitFor(() => expect(linked).toEqual({ version: 4, link: [id] }));
  });
});
