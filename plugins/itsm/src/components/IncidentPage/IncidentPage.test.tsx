import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { IncidentPage } from './IncidentPage';

// The full page (markdown, pickers, dialogs) takes seconds to render in jsdom
jest.setTimeout(20_000);

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
    expect(
      screen.getByRole('button', { name: 'Acknowledge' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Cancel incident' }),
    ).toBeInTheDocument();
    for (const name of [
      'Resolve',
      'Close',
      'Put on hold',
      'Reopen',
      'Start work',
    ]) {
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    }
    await userEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await screen.findByRole('button', { name: 'Acknowledge' });
    expect(sent).toEqual({ status: 'acknowledged', version: 1 });
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
    await userEvent.click(
      await screen.findByRole('button', { name: 'Acknowledge' }),
    );
    expect(
      await screen.findByText(
        /changed by someone else; reload to see the latest/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument();
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
    await userEvent.click(
      await screen.findByRole('button', { name: 'Resolve' }),
    );
    const resolve = screen.getAllByRole('button', { name: 'Resolve' }).at(-1)!;
    expect(resolve).toBeDisabled(); // notes are required
    fireEvent.change(screen.getByLabelText(/^Resolution notes/), {
      target: { value: 'Failed over' },
    });
    await userEvent.click(resolve);
    await waitFor(() => expect(sent).toBeDefined());
    expect(sent).toEqual({
      status: 'resolved',
      resolutionCode: 'fixed',
      resolutionNotes: 'Failed over',
      version: 3,
    });
  });
});
