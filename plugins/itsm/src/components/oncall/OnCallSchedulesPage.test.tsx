import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, schedule } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { OnCallSchedulesPage } from './OnCallSchedulesPage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('OnCallSchedulesPage', () => {
  it('lists schedules with who is on call now, and filters by owner group', async () => {
    const asked: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/schedules`, ({ request }) => {
        const ownerGroup = new URL(request.url).searchParams.get('ownerGroup');
        asked.push(ownerGroup);
        return HttpResponse.json({
          items: [
            schedule({
              layers: [
                {
                  name: 'primary',
                  users: ['user:default/alice'],
                  rotation: { type: 'daily' },
                  handoffTime: '09:00',
                  startDate: '2026-01-01',
                },
                {
                  name: 'secondary',
                  users: [],
                  rotation: { type: 'daily' },
                  handoffTime: '09:00',
                  startDate: '2026-01-01',
                },
              ],
            }),
          ],
        });
      }),
    );
    await renderWithApis(<OnCallSchedulesPage />);
    const table = await screen.findByRole('table', {
      name: 'On-call schedules',
    });
    expect(
      within(table).getByRole('link', { name: 'payments-primary' }),
    ).toHaveAttribute(
      'href',
      '/itsm/oncall/schedules/22222222-2222-4222-8222-222222222222',
    );
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent(/primary: alice\s*until/);
    expect(row).toHaveTextContent('secondary: nobody');
    expect(within(row).getByRole('link', { name: 'Policy' })).toHaveAttribute(
      'href',
      '/itsm/oncall/policies/default/payments-team',
    );

    const owner = screen.getByRole('textbox', { name: 'Owner group' });
    fireEvent.mouseDown(owner);
    fireEvent.click(
      await screen.findByRole('option', {
        name: 'group:default/payments-team',
      }),
    );
    await waitFor(() =>
      expect(asked).toEqual([null, 'group:default/payments-team']),
    );
  });

  it('offers to create the first schedule', async () => {
    server.use(
      http.get(`${BASE_URL}/schedules`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<OnCallSchedulesPage />);
    expect(await screen.findByText('No on-call schedules')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button', { name: 'New schedule' }),
    ).toHaveLength(2);
  });

  it('creates a schedule with its primary layer, checked before sending', async () => {
    const created: any[] = [];
    server.use(
      http.get(`${BASE_URL}/schedules`, () => HttpResponse.json({ items: [] })),
      http.post(`${BASE_URL}/schedules`, async ({ request }) => {
        const body = (await request.json()) as any;
        created.push(body);
        return HttpResponse.json(schedule(body), { status: 201 });
      }),
    );
    await renderWithApis(<OnCallSchedulesPage />);
    fireEvent.click(
      (await screen.findAllByRole('button', { name: 'New schedule' }))[0],
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    expect(
      await within(dialog).findByText('must be a non-empty string'),
    ).toBeInTheDocument();
    expect(
      within(dialog).getByText('Choose the group that owns it'),
    ).toBeInTheDocument();

    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'payments-primary' },
    });
    fireEvent.mouseDown(
      within(dialog).getByRole('textbox', { name: 'Owner group' }),
    );
    fireEvent.click(
      await screen.findByRole('option', {
        name: 'group:default/payments-team',
      }),
    );
    fireEvent.mouseDown(
      within(dialog).getByRole('textbox', { name: 'Users, in rotation order' }),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: 'user:default/bob' }),
    );
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toEqual({
      name: 'payments-primary',
      ownerGroup: 'group:default/payments-team',
      timezone: new Intl.DateTimeFormat().resolvedOptions().timeZone,
      layers: [
        {
          name: 'primary',
          users: ['user:default/bob'],
          rotation: { type: 'weekly' },
          handoffTime: '09:00',
          handoffWeekday: 1,
          startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        },
      ],
    });
  });
});
