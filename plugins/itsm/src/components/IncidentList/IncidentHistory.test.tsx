import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useLocation } from 'react-router-dom';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { IncidentHistory } from './IncidentHistory';

const server = setupServer();
registerMswTestHooks(server);

// Many user events each: slow on a loaded 2-core machine, not stuck
jest.setTimeout(20_000);

describe('IncidentHistory', () => {
  it('shows a service history page by page, sending filters as query parameters', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        requests.push(params);
        if (params.get('cursor') === 'page-2') {
          return HttpResponse.json({
            items: [
              incident({ id: '3', ref: 'INC-1001', title: 'Oldest one' }),
            ],
          });
        }
        return HttpResponse.json({
          items: [
            incident({ id: '1', ref: 'INC-1003', title: 'Newest one' }),
            incident({
              id: '2',
              ref: 'INC-1002',
              title: 'Middle one',
              priority: 'P3',
              sla: undefined,
            }),
          ],
          nextCursor: 'page-2',
          totalCount: 3,
        });
      }),
    );
    await renderWithApis(
      <IncidentHistory entityRef="component:default/payments-api" />,
    );

    expect(await screen.findByText('Newest one')).toBeInTheDocument();
    expect(screen.getByText('1–2 of 3')).toBeInTheDocument();
    expect(requests[0].get('entityRef')).toBe('component:default/payments-api');
    expect(requests[0].get('limit')).toBe('25');
    // Only what the table shows is read and sent
    expect(requests[0].get('fields')?.split(',')).toEqual([
      'ref',
      'title',
      'category',
      'affectedServices',
      'priority',
      'status',
      'assignee',
      'assignedGroup',
      'detectedAt',
      'sla',
    ]);

    await userEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Oldest one')).toBeInTheDocument();
    expect(screen.getByText('3–3 of 3')).toBeInTheDocument();
    expect(requests.at(-1)!.get('cursor')).toBe('page-2');
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Previous' }));
    expect(await screen.findByText('Newest one')).toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Search'), {
      target: { value: 'timeout' },
    });
    await userEvent.click(screen.getByLabelText('SLA breached'));
    await waitFor(() => {
      const last = requests.at(-1)!;
      expect(last.get('q')).toBe('timeout');
      expect(last.get('slaBreached')).toBe('true');
      expect(last.get('cursor')).toBeNull();
    });
  });

  it('sends status and priority filters joined with commas', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json({ items: [incident()], totalCount: 1 });
      }),
    );
    await renderWithApis(
      <IncidentHistory entityRef="component:default/payments-api" />,
    );
    await screen.findByText('Card payments failing');

    await userEvent.click(screen.getByRole('button', { name: /^Status/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'New' }));
    await userEvent.click(screen.getByRole('option', { name: 'On hold' }));
    await userEvent.keyboard('{Escape}');
    await userEvent.click(screen.getByRole('button', { name: /^Priority/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'P1' }));
    await userEvent.keyboard('{Escape}');

    await waitFor(() => {
      const last = requests.at(-1)!;
      expect(last.get('status')).toBe('new,on_hold');
      expect(last.get('priority')).toBe('P1');
    });
  });

  it('reads its filters from the URL and writes them back, so a filtered view can be shared', async () => {
    const requests: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/incidents`, ({ request }) => {
        requests.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [
            incident({
              category: 'performance',
              assignedGroup: 'group:default/payments-team',
              assignee: 'user:default/bob',
            }),
          ],
        });
      }),
    );
    let location = '';
    function Where() {
      location = useLocation().search;
      return null;
    }
    await renderWithApis(
      <>
        <IncidentHistory />
        <Where />
      </>,
      {
        routeEntries: [
          '/?group=group:default/payments-team&assignee=user:default/bob&category=performance&status=new,bogus&tab=x',
        ],
      },
    );
    await screen.findByText('Card payments failing');
    expect(requests[0].get('assignedGroup')).toBe(
      'group:default/payments-team',
    );
    expect(requests[0].get('assignee')).toBe('user:default/bob');
    expect(requests[0].get('category')).toBe('performance');
    expect(requests[0].get('status')).toBe('new'); // bogus is dropped
    // The columns read by name, not by ref
    const row = screen.getByRole('row', { name: /INC-1042/ });
    expect(within(row).getByText('Performance')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'bob' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: /^Priority/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'P2' }));
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(location).toContain('priority=P2'));
    const params = new URLSearchParams(location);
    expect(params.get('group')).toBe('group:default/payments-team');
    expect(params.get('status')).toBe('new');
    expect(params.get('tab')).toBe('x'); // not a filter: kept
  });

  it('says when nothing matches', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
    );
    await renderWithApis(
      <IncidentHistory entityRef="component:default/quiet" />,
    );
    expect(await screen.findByText('No incidents')).toBeInTheDocument();
  });
});
