import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DateTime } from 'luxon';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { BASE_URL, schedule } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { SchedulePage } from './SchedulePage';

// The page renders several tables, pickers and a dialog in jsdom
jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const ID = '22222222-2222-4222-8222-222222222222';

function serve(patch: (body: any) => Response) {
  let reads = 0;
  const sent: any[] = [];
  server.use(
    http.get(`${BASE_URL}/schedules/${ID}`, () => {
      reads++;
      return HttpResponse.json(schedule());
    }),
    http.patch(`${BASE_URL}/schedules/${ID}`, async ({ request }) => {
      const body = await request.json();
      sent.push(body);
      return patch(body);
    }),
  );
  return { sent, reads: () => reads };
}

function render() {
  return renderWithApis(
    <Routes>
      <Route path="/oncall/schedules/:id" element={<SchedulePage />} />
    </Routes>,
    { routeEntries: [`/oncall/schedules/${ID}`] },
  );
}

async function openOverrideDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Add override' }));
  return screen.findByRole('dialog');
}

function setWhen(dialog: HTMLElement, from: string, to: string) {
  fireEvent.change(within(dialog).getByLabelText(/^From \(your time/), {
    target: { value: from },
  });
  fireEvent.change(within(dialog).getByLabelText(/^To \(your time/), {
    target: { value: to },
  });
}

describe('SchedulePage', () => {
  it('shows the layers and the coming shifts in the schedule timezone', async () => {
    serve(() => HttpResponse.json(schedule()));
    await render();
    expect(
      await screen.findByRole('table', { name: 'Shifts of primary' }),
    ).toBeInTheDocument();
    const shifts = screen.getByRole('table', { name: 'Shifts of primary' });
    expect(
      within(shifts).getByRole('columnheader', { name: 'From (Europe/Paris)' }),
    ).toBeInTheDocument();
    // A weekly rotation of two hands off once in any 7 days
    expect(within(shifts).getAllByText('alice')).toHaveLength(1);
    expect(within(shifts).getAllByText('bob')).toHaveLength(1);
    expect(screen.getByRole('group', { name: 'Layer 1' })).toBeInTheDocument();
  });

  it('adds an override for the signed-in user with the version it read', async () => {
    const server$ = serve(body =>
      HttpResponse.json(schedule({ ...body, version: 4 })),
    );
    await render();
    const dialog = await openOverrideDialog();
    setWhen(dialog, '2026-11-27T18:00', '2026-11-28T08:00');
    fireEvent.change(within(dialog).getByLabelText('Reason'), {
      target: { value: 'I take Friday night' },
    });
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save override' }),
    );
    await waitFor(() => expect(server$.sent).toHaveLength(1));
    expect(server$.sent[0]).toEqual({
      version: 3,
      overrides: [
        {
          layer: 'primary',
          user: 'user:default/guest',
          from: new Date('2026-11-27T18:00').toISOString(),
          to: new Date('2026-11-28T08:00').toISOString(),
          reason: 'I take Friday night',
        },
      ],
    });
    expect(await screen.findByText('Override saved.')).toBeInTheDocument();
  });

  it('saves edited layers after checking them', async () => {
    const server$ = serve(body => HttpResponse.json(schedule({ ...body })));
    await render();
    const layer = await screen.findByRole('group', { name: 'Layer 1' });
    const handoff = within(layer).getByLabelText('Handoff time');
    fireEvent.change(handoff, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(
      await within(layer).findByText(`"" must be 'HH:mm' (00:00–23:59)`),
    ).toBeInTheDocument();
    expect(server$.sent).toHaveLength(0);

    fireEvent.change(handoff, { target: { value: '10:30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save schedule' }));
    await waitFor(() => expect(server$.sent).toHaveLength(1));
    expect(server$.sent[0]).toEqual({
      version: 3,
      name: 'payments-primary',
      timezone: 'Europe/Paris',
      layers: [{ ...schedule().layers[0], handoffTime: '10:30' }],
    });
  });

  it('takes over a whole shift for the signed-in user', async () => {
    const server$ = serve(body => HttpResponse.json(schedule({ ...body })));
    await render();
    const shifts = await screen.findByRole('table', {
      name: 'Shifts of primary',
    });
    fireEvent.click(
      within(shifts).getAllByRole('button', { name: 'Take over' })[0],
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save override' }),
    );
    await waitFor(() => expect(server$.sent).toHaveLength(1));
    const [override] = server$.sent[0].overrides;
    expect(override).toMatchObject({
      layer: 'primary',
      user: 'user:default/guest',
      reason: expect.stringMatching(
        /^Taking over from user:default\/(alice|bob)$/,
      ),
    });
    // Until the real handoff, Monday 09:00 in the schedule's timezone
    const to = DateTime.fromISO(override.to).setZone('Europe/Paris');
    expect([to.weekday, to.hour, to.minute]).toEqual([1, 9, 0]);
    expect(Date.parse(override.from)).toBeLessThan(Date.parse(override.to));
  });

  it('names the field to fix before sending anything', async () => {
    const server$ = serve(() => HttpResponse.json(schedule()));
    await render();
    const dialog = await openOverrideDialog();
    setWhen(dialog, '2026-11-28T08:00', '2026-11-27T18:00');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save override' }),
    );
    expect(
      await within(dialog).findByText('must be after from'),
    ).toBeInTheDocument();
    expect(server$.sent).toHaveLength(0);
  });

  it('offers a reload when someone else changed the schedule (409)', async () => {
    const server$ = serve(() =>
      HttpResponse.json(
        {
          error: {
            name: 'ConflictError',
            message: 'Schedule was changed by someone else',
          },
          response: { statusCode: 409 },
        },
        { status: 409 },
      ),
    );
    await render();
    const dialog = await openOverrideDialog();
    setWhen(dialog, '2026-11-27T18:00', '2026-11-28T08:00');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save override' }),
    );
    const message = await screen.findByText(
      /This schedule was changed by someone else; reload/,
    );
    const alert = message.closest<HTMLElement>('[role="alert"]')!;
    const readsBefore = server$.reads();
    fireEvent.click(
      within(alert).getByRole('button', { name: 'Reload', hidden: true }),
    );
    await waitFor(() => expect(server$.reads()).toBe(readsBefore + 1));
  });

  it("shows the server's message on a refused save", async () => {
    serve(() =>
      HttpResponse.json(
        {
          error: {
            name: 'InputError',
            message:
              'overrides[0].user: user:default/guest is not a catalog user',
          },
          response: { statusCode: 400 },
        },
        { status: 400 },
      ),
    );
    await render();
    const dialog = await openOverrideDialog();
    setWhen(dialog, '2026-11-27T18:00', '2026-11-28T08:00');
    fireEvent.click(
      within(dialog).getByRole('button', { name: 'Save override' }),
    );
    expect(
      await within(dialog).findByText(
        'overrides[0].user: user:default/guest is not a catalog user',
      ),
    ).toBeInTheDocument();
  });
});
