import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { actionItem, BASE_URL } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityActionItemsCard } from './ActionItemsCard';
import { ReviewsPage } from './ReviewsPage';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('action items card', () => {
  it("lists a group's pending items, overdue first, and moves their status with the version", async () => {
    const queries: URLSearchParams[] = [];
    const patches: unknown[] = [];
    server.use(
      http.get(`${BASE_URL}/action-items`, ({ request }) => {
        queries.push(new URL(request.url).searchParams);
        return HttpResponse.json({
          items: [
            actionItem(),
            actionItem({
              id: 'a2',
              ref: 'ACT-1002',
              title: 'Canary for the ledger',
              overdue: false,
              dueDate: '2027-01-10',
            }),
          ],
        });
      }),
      http.patch(`${BASE_URL}/action-items/a1`, async ({ request }) => {
        patches.push(await request.json());
        return HttpResponse.json(actionItem({ status: 'in_progress' }));
      }),
    );
    await renderWithApis(<EntityActionItemsCard />, { entity: group });
    const table = await screen.findByRole('table', { name: 'Action items' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]).getByText('Overdue')).toBeInTheDocument();
    expect(
      within(rows[2]).getByText(/Canary for the ledger/),
    ).toBeInTheDocument();
    expect(
      within(rows[1]).getByRole('link', { name: 'INC-1042' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(queries[0].get('owner')).toBe('group:default/payments-team');
    expect(queries[0].get('status')).toBe('open,in_progress');

    await userEvent.click(
      screen.getByRole('button', { name: 'Start ACT-1001' }),
    );
    await waitFor(() =>
      expect(patches).toEqual([{ version: 1, status: 'in_progress' }]),
    );
  });

  it('shows why the list is not shown', async () => {
    server.use(
      http.get(`${BASE_URL}/action-items`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message:
                'You are not allowed to read post-incident reviews (itsm.review.read)',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(<EntityActionItemsCard />, { entity: group });
    expect(await screen.findByText(/itsm.review.read/)).toBeInTheDocument();
  });
});

describe('/itsm/reviews', () => {
  it('lists reviews to write (refused closing first), in review and published', async () => {
    server.use(
      http.get(`${BASE_URL}/reviews`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        const status = params.get('status');
        const base = {
          incidentId: `${status}-${params.get('blocked')}`,
          priority: 'P1',
          major: true,
          affectedServices: ['component:default/payments-api'],
          detectedAt: '2026-11-20T09:00:00.000Z',
        };
        if (status === 'to_write' && params.get('blocked') === 'true') {
          return HttpResponse.json({
            items: [
              {
                ...base,
                incidentRef: 'INC-1050',
                incidentTitle: 'Checkout down',
                incidentStatus: 'resolved',
                blocksClosing: true,
              },
            ],
          });
        }
        if (status === 'published') {
          return HttpResponse.json({
            items: [
              {
                ...base,
                incidentRef: 'INC-1001',
                incidentTitle: 'Session store crash',
                incidentStatus: 'closed',
                reviewStatus: 'published',
                publishedAt: '2026-11-22T10:00:00.000Z',
              },
            ],
          });
        }
        return HttpResponse.json({ items: [] });
      }),
      http.get(`${BASE_URL}/action-items`, () =>
        HttpResponse.json({ items: [actionItem()] }),
      ),
    );
    await renderWithApis(<ReviewsPage />);
    expect(await screen.findByText('Checkout down')).toBeInTheDocument();
    expect(
      screen.getByText('Resolved; cannot close until this review is published'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Session store crash')).toBeInTheDocument();
    expect(
      screen.getByText('No review is waiting for approval.'),
    ).toBeInTheDocument();
    expect(await screen.findByText('My action items')).toBeInTheDocument();
  });
});
