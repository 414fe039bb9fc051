import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Settings } from 'luxon';
import { BASE_URL, change } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { RequestChangeButton } from './RequestChangeButton';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

beforeAll(() => {
  Settings.defaultZone = 'utc';
});
afterAll(() => {
  Settings.defaultZone = 'system';
});

describe('RequestChangeButton', () => {
  it('shows conflicts of the window before requesting the change', async () => {
    const conflictQueries: URLSearchParams[] = [];
    const created: any[] = [];
    server.use(
      http.get(`${BASE_URL}/changes/conflicts`, ({ request }) => {
        conflictQueries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [
            {
              kind: 'freeze',
              freeze: 'Year-end freeze',
              services: 'all',
              start: '2026-12-20T00:00:00.000Z',
              end: '2027-01-03T00:00:00.000Z',
            },
          ],
        });
      }),
      http.post(`${BASE_URL}/changes`, async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json(change({ status: 'new' }), { status: 201 });
      }),
    );
    const onCreated = jest.fn();
    await renderWithApis(
      <RequestChangeButton
        entityRef="component:default/payments-api"
        onCreated={onCreated}
      />,
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Request change' }),
    );
    fireEvent.change(screen.getByLabelText(/Title/), {
      target: { value: 'Upgrade payments database' },
    });
    fireEvent.change(screen.getByLabelText(/Planned start/), {
      target: { value: '2026-12-24T10:00' },
    });
    fireEvent.change(screen.getByLabelText(/Planned end/), {
      target: { value: '2026-12-24T09:00' },
    });
    expect(
      screen.getByText('plannedEnd must be after plannedStart'),
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/Planned end/), {
      target: { value: '2026-12-24T12:00' },
    });

    expect(
      await screen.findByText(/In freeze “Year-end freeze”/),
    ).toBeInTheDocument();
    expect(conflictQueries.at(-1)!.get('services')).toBe(
      'component:default/payments-api',
    );
    expect(conflictQueries.at(-1)!.get('start')).toBe(
      '2026-12-24T10:00:00.000Z',
    );

    await userEvent.click(
      screen.getAllByRole('button', { name: 'Request change' }).at(-1)!,
    );
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(created).toEqual([
      expect.objectContaining({
        title: 'Upgrade payments database',
        type: 'normal',
        risk: 'medium',
        affectedServices: ['component:default/payments-api'],
        plannedStart: '2026-12-24T10:00:00.000Z',
        plannedEnd: '2026-12-24T12:00:00.000Z',
      }),
    ]);
  });
});
