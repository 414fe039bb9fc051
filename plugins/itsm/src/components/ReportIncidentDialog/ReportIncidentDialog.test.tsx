import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, workaround } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ReportIncidentDialog } from './ReportIncidentDialog';

// Dialogs with pickers take a while to render in jsdom
jest.setTimeout(20_000);

const server = setupServer();
registerMswTestHooks(server);

// No suggestions unless a test gives some
beforeEach(() =>
  server.use(
    http.get(`${BASE_URL}/report-suggestions`, () =>
      HttpResponse.json({ workarounds: [], similarIncidents: [] }),
    ),
  ),
);

async function choose(label: RegExp, option: string) {
  await userEvent.click(screen.getByRole('button', { name: label }));
  await userEvent.click(await screen.findByRole('option', { name: option }));
}

function derivedPriority() {
  return within(screen.getByRole('status')).getByText(/^P\d$/).textContent;
}

describe('ReportIncidentDialog', () => {
  it('derives the priority from impact × urgency as they are chosen', async () => {
    await renderWithApis(
      <ReportIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/payments-api"
      />,
    );
    expect(derivedPriority()).toBe('P3'); // medium × medium
    await choose(/^Impact/, 'high');
    await choose(/^Urgency/, 'high');
    expect(derivedPriority()).toBe('P1');
    await choose(/^Impact/, 'low');
    await choose(/^Urgency/, 'low');
    expect(derivedPriority()).toBe('P5');
  });

  it('uses the priority matrix from app-config', async () => {
    await renderWithApis(
      <ReportIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/payments-api"
      />,
      { config: { itsm: { priorityMatrix: { medium: { medium: 'P2' } } } } },
    );
    expect(derivedPriority()).toBe('P2');
  });

  it('reports the incident on the preselected service and shows its ref', async () => {
    let body: any;
    server.use(
      http.post(`${BASE_URL}/incidents`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          incident({ ref: 'INC-1042', priority: 'P1' }),
          { status: 201 },
        );
      }),
    );
    const onCreated = jest.fn();
    await renderWithApis(
      <ReportIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/payments-api"
        onCreated={onCreated}
      />,
    );
    fireEvent.change(screen.getByLabelText(/^Title/), {
      target: { value: 'Card payments failing' },
    });
    fireEvent.change(screen.getByLabelText('Description'), {
      target: { value: 'Acquirer returns 502' },
    });
    await choose(/^Impact/, 'high');
    await choose(/^Urgency/, 'high');
    await choose(/^Category/, 'availability');
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));

    expect(
      await screen.findByText(/created with priority P1/),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-1042' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-1042',
    );
    expect(body).toEqual({
      title: 'Card payments failing',
      description: 'Acquirer returns 502',
      affectedServices: ['component:default/payments-api'],
      impact: 'high',
      urgency: 'high',
      category: 'availability',
    });
    expect(onCreated).toHaveBeenCalledWith(
      expect.objectContaining({ ref: 'INC-1042' }),
    );
  });

  it('shows the message the API gives for bad input', async () => {
    server.use(
      http.post(`${BASE_URL}/incidents`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                'affectedServices[0]: unknown entity component:default/gone; it is not in the catalog',
            },
            response: { statusCode: 400 },
          },
          { status: 400 },
        ),
      ),
    );
    await renderWithApis(
      <ReportIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/gone"
      />,
    );
    fireEvent.change(screen.getByLabelText(/^Title/), {
      target: { value: 'Something' },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(
      await screen.findByText(
        'affectedServices[0]: unknown entity component:default/gone; it is not in the catalog',
      ),
    ).toBeInTheDocument();
  });

  it('cannot be submitted without a title', async () => {
    await renderWithApis(
      <ReportIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/payments-api"
      />,
    );
    expect(screen.getByRole('button', { name: 'Report' })).toBeDisabled();
  });

  it('shows known workarounds and similar open incidents first, and records the workaround applied', async () => {
    const queries: URLSearchParams[] = [];
    let applied: any;
    server.use(
      http.get(`${BASE_URL}/report-suggestions`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        return HttpResponse.json({
          workarounds: [workaround()],
          similarIncidents: params.get('title')
            ? [
                incident({
                  id: 'other',
                  ref: 'INC-1040',
                  title: 'Card payments slow',
                  status: 'in_progress',
                }),
              ]
            : [],
        });
      }),
      http.post(`${BASE_URL}/incidents`, () =>
        HttpResponse.json(incident({ id: 'new-id', ref: 'INC-1042' }), {
          status: 201,
        }),
      ),
      http.post(
        `${BASE_URL}/workarounds/:id/uses`,
        async ({ request, params }) => {
          applied = { id: params.id, body: await request.json() };
          return HttpResponse.json(workaround({ useCount: 4 }), {
            status: 201,
          });
        },
      ),
    );
    await renderWithApis(
      <ReportIncidentDialog
        open
        onClose={() => {}}
        entityRef="component:default/payments-api"
      />,
    );
    expect(
      await screen.findByRole('listitem', {
        name: 'WA-1001: Fail over to the secondary acquirer',
      }),
    ).toHaveTextContent('used by 3 incidents');
    expect(queries[0].get('entityRef')).toBe('component:default/payments-api');

    fireEvent.change(screen.getByLabelText(/^Title/), {
      target: { value: 'Card payments failing' },
    });
    const similar = await screen.findByRole('list', {
      name: 'Similar open incidents',
    });
    expect(
      within(similar).getByRole('link', { name: 'INC-1040' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1040');
    const last = queries[queries.length - 1];
    expect(last.get('title')).toBe('Card payments failing');
    expect(last.get('category')).toBeTruthy();

    await userEvent.click(
      screen.getByRole('checkbox', { name: 'I applied WA-1001' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Report' }));
    expect(
      await screen.findByText(/1 workaround recorded on it/),
    ).toBeInTheDocument();
    expect(applied).toEqual({
      id: workaround().id,
      body: { incidentId: 'new-id' },
    });
  });
});
