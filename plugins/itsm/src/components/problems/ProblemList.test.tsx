import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, problem } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { ItsmPage } from '../ItsmPage/ItsmPage';

jest.setTimeout(60_000);

const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

const server = setupServer();
registerMswTestHooks(server);

const proposal = {
  id: 'p1',
  entityRef: 'component:default/ledger',
  reason: 'recurrence',
  title: 'Recurring availability incidents on ledger',
  summary: '3 availability incidents on component:default/ledger within 7 days',
  incidentIds: ['a', 'b', 'c'],
  incidentRefs: ['INC-1', 'INC-2', 'INC-3'],
  status: 'open',
  createdAt: '2026-11-20T10:00:00.000Z',
};

describe('problem list', () => {
  it('lists problems estate-wide under the Problems tab, filtered by status, with proposals to dismiss', async () => {
    const queries: URLSearchParams[] = [];
    let dismissed = false;
    server.use(
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [problem()], totalCount: 1 });
      }),
      http.get(`${BASE_URL}/problem-proposals`, () =>
        HttpResponse.json({ items: dismissed ? [] : [proposal] }),
      ),
      http.post(`${BASE_URL}/problem-proposals/p1/dismiss`, () => {
        dismissed = true;
        return HttpResponse.json({ ...proposal, status: 'dismissed' });
      }),
    );
    await renderWithApis(<ItsmPage />, { routeEntries: ['/problems'] });
    expect(
      await screen.findByRole('link', { name: 'PRB-1001' }),
    ).toHaveAttribute('href', '/itsm/problems/PRB-1001');
    expect(screen.getByRole('tab', { name: 'Problems' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('tab', { name: 'Incidents' })).toHaveAttribute(
      'href',
      '/itsm',
    );

    const proposed = await screen.findByRole('listitem', {
      name: proposal.title,
    });
    await user.click(within(proposed).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('listitem', { name: proposal.title }),
      ).not.toBeInTheDocument(),
    );

    await user.click(screen.getByRole('button', { name: /^Status/ }));
    await user.click(
      await screen.findByRole('option', { name: 'Known error' }),
    );
    await waitFor(() =>
      expect(queries[queries.length - 1].get('status')).toBe('known_error'),
    );
  });

  it('opens a problem from incidents selected in the list', async () => {
    let body: any;
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({
          items: [
            incident(),
            incident({ id: 'i2', ref: 'INC-1043', title: 'Payments slow' }),
          ],
          totalCount: 2,
        }),
      ),
      http.post(`${BASE_URL}/problems`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(problem(), { status: 201 });
      }),
    );
    await renderWithApis(<IncidentHistory selectable />);
    await user.click(
      await screen.findByRole('checkbox', { name: 'Select INC-1042' }),
    );
    await user.click(screen.getByRole('checkbox', { name: 'Select INC-1043' }));
    expect(screen.getByText('2 selected')).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Open problem from selection' }),
    );
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByLabelText('Incidents to link'),
    ).toHaveTextContent('Links INC-1042, INC-1043');
    fireEvent.change(within(dialog).getByLabelText(/^Title/), {
      target: { value: 'Acquirer timeouts' },
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Open problem' }),
    );
    await waitFor(() => expect(body).toBeDefined());
    expect(body).toMatchObject({
      title: 'Acquirer timeouts',
      incidentIds: [incident().id, 'i2'],
    });
  });
});
