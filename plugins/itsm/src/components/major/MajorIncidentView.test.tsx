import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { majorView } from './majorFixtures';
import { MajorIncidentView } from './MajorIncidentView';

jest.setTimeout(60_000);

const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

const server = setupServer();
registerMswTestHooks(server);
const id = '11111111-1111-4111-8111-111111111111';

describe('MajorIncidentView', () => {
  it('proposes declaring a P1 and declares it with a reason', async () => {
    let view = majorView({
      major: false,
      declaredAt: undefined,
      roles: [],
      subscribers: [],
      updates: [],
      proposal: { proposed: true, reasons: ['priority P1'] },
    });
    let declared: any;
    server.use(
      http.get(`${BASE_URL}/incidents/${id}/major`, () =>
        HttpResponse.json(view),
      ),
      http.post(`${BASE_URL}/incidents/${id}/major`, async ({ request }) => {
        declared = await request.json();
        view = majorView();
        return HttpResponse.json(view);
      }),
    );
    const onChanged = jest.fn();
    await renderWithApis(
      <MajorIncidentView incident={incident()} onChanged={onChanged} />,
    );
    expect(
      await screen.findByText(
        'Consider declaring a major incident: priority P1.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/1 service depends on the affected ones/),
    ).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Declare major incident' }),
    );
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Declare' });
    expect(confirm).toBeDisabled();
    await user.type(
      within(dialog).getByRole('textbox', { name: /Reason/ }),
      'All card payments fail',
    );
    await user.click(confirm);
    await waitFor(() =>
      expect(declared).toEqual({
        major: true,
        reason: 'All card payments fail',
      }),
    );
    expect(onChanged).toHaveBeenCalled();
  });

  it('shows the crisis cell, subscribers, cadence and stakeholder updates apart, and sends one from a template', async () => {
    let posted: any;
    server.use(
      http.get(`${BASE_URL}/incidents/${id}/major`, () =>
        HttpResponse.json(majorView()),
      ),
      http.post(`${BASE_URL}/incidents/${id}/updates`, async ({ request }) => {
        posted = await request.json();
        return HttpResponse.json(
          {
            id: '9',
            incidentId: id,
            type: 'stakeholder_update',
            actor: 'user:default/grace',
            at: new Date().toISOString(),
            message: posted.message,
          },
          { status: 201 },
        );
      }),
    );
    await renderWithApis(
      <MajorIncidentView
        incident={incident({ major: true, status: 'in_progress' })}
        onChanged={() => {}}
      />,
      {
        config: {
          itsm: {
            majorIncidents: {
              updateTemplates: [
                {
                  name: 'Monitoring',
                  stage: 'monitoring',
                  message: '{service} ({ref}) is back; we are watching it.',
                },
              ],
            },
          },
        },
      },
    );
    expect(await screen.findByText('MAJOR')).toBeInTheDocument();
    const cell = screen.getByRole('table', { name: 'Crisis cell' });
    expect(within(cell).getByText('Judy Jones')).toBeInTheDocument();
    expect(within(cell).getByText('grace@example.com')).toBeInTheDocument();
    expect(screen.getByText('Payments · owner')).toBeInTheDocument();
    expect(
      screen.getByText('Engineering leadership · management'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Last stakeholder update: 10 min ago'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Next update due in 1[89]m \(every 30 min\)/),
    ).toBeInTheDocument();
    expect(
      screen.getByText('We found the cause and are failing over.'),
    ).toBeInTheDocument();
    expect(screen.getByText(/sent to 6 people/)).toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Stakeholder update' });
    await user.click(within(form).getByRole('button', { name: /Template/ }));
    await user.click(await screen.findByRole('option', { name: 'Monitoring' }));
    expect(
      within(form).getByRole('textbox', { name: 'Update for stakeholders' }),
    ).toHaveValue('payments-api (INC-1042) is back; we are watching it.');
    await user.type(
      within(form).getByRole('textbox', { name: 'Impact' }),
      'None now',
    );
    await user.click(
      within(form).getByRole('button', { name: 'Send to 2 subscribers' }),
    );
    await waitFor(() =>
      expect(posted).toEqual({
        audience: 'stakeholders',
        message: 'payments-api (INC-1042) is back; we are watching it.',
        stage: 'monitoring',
        impact: 'None now',
      }),
    );
  });

  it('shows the error when the major side cannot be read', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/${id}/major`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'not allowed' } },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(
      <MajorIncidentView incident={incident()} onChanged={() => {}} />,
    );
    expect((await screen.findAllByText(/not allowed/)).length).toBeGreaterThan(
      0,
    );
  });
});
