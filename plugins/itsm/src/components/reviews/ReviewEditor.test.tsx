import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  actionItem,
  BASE_URL,
  incident,
  review,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ReviewEditor } from './ReviewEditor';

jest.setTimeout(60_000);

const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

const server = setupServer();
registerMswTestHooks(server);

const id = '11111111-1111-4111-8111-111111111111';
const url = `${BASE_URL}/incidents/${id}/review`;

describe('ReviewEditor', () => {
  it('offers to start the review of a major incident without one', async () => {
    const puts: unknown[] = [];
    let started = false;
    server.use(
      http.get(url, () =>
        started
          ? HttpResponse.json(review())
          : HttpResponse.json(
              { error: { name: 'NotFoundError', message: 'none' } },
              { status: 404 },
            ),
      ),
      http.put(url, async ({ request }) => {
        puts.push(await request.json());
        started = true;
        return HttpResponse.json(review());
      }),
    );
    await renderWithApis(
      <ReviewEditor incident={incident({ id, major: true })} />,
    );
    expect(
      await screen.findByText(/INC-1042 is a major incident: it closes once/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start the review' }));
    await waitFor(() => expect(puts).toEqual([{ sections: {} }]));
    expect(
      await screen.findByRole('button', { name: 'Submit for review' }),
    ).toBeInTheDocument();
  });

  it('shows the facts, the timeline and the action items, and saves sections with the version', async () => {
    const puts: any[] = [];
    const posts: any[] = [];
    server.use(
      http.get(url, () => HttpResponse.json(review())),
      http.put(url, async ({ request }) => {
        puts.push(await request.json());
        return HttpResponse.json(review({ version: 4 }));
      }),
      http.post(`${BASE_URL}/action-items`, async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json(actionItem({ id: 'a2', ref: 'ACT-1002' }), {
          status: 201,
        });
      }),
    );
    await renderWithApis(<ReviewEditor incident={incident({ id })} />);
    const facts = await screen.findByRole('table', { name: 'Facts' });
    expect(within(facts).getAllByText('1 h 35 min')).toHaveLength(2);
    expect(
      within(facts).getByText('response met, resolution breached'),
    ).toBeInTheDocument();
    expect(within(facts).getByText('CHG-1007')).toBeInTheDocument();
    expect(screen.getByText(/Reported with priority P1/)).toBeInTheDocument();
    const items = screen.getByRole('table', { name: 'Action items' });
    expect(within(items).getByText('Overdue')).toBeInTheDocument();

    const rootCause = screen.getByLabelText('Root cause');
    await user.clear(rootCause);
    await user.type(rootCause, 'Pool too small');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(puts[0]).toMatchObject({
        version: 3,
        sections: { rootCause: 'Pool too small' },
      }),
    );

    await user.type(
      screen.getByLabelText('Lessons learned'),
      'Size pools by load',
    );
    await user.type(
      screen.getByLabelText('New action item'),
      'Load-test pools',
    );
    await user.type(
      screen.getByLabelText('Owner (user or group)'),
      'group:default/sre',
    );
    await user.type(screen.getByLabelText('Due'), '2026-12-31');
    await user.click(screen.getByRole('button', { name: 'Add action item' }));
    // The reload after the action item keeps what was typed
    await waitFor(() => expect(posts).toHaveLength(1));
    expect(screen.getByLabelText('Lessons learned')).toHaveValue(
      'Size pools by load',
    );
    await waitFor(() =>
      expect(posts).toEqual([
        {
          title: 'Load-test pools',
          owner: 'group:default/sre',
          dueDate: '2026-12-31',
          incident: id,
        },
      ]),
    );
  });

  it('keeps a published review read-only, offers a new revision and the Markdown export', async () => {
    server.use(
      http.get(url, ({ request }) =>
        new URL(request.url).searchParams.get('format') === 'md'
          ? new HttpResponse('# Post-incident review: INC-1042', {
              headers: { 'content-type': 'text/markdown' },
            })
          : HttpResponse.json(
              review({
                status: 'published',
                publishedAt: '2026-11-22T10:00:00.000Z',
                publishedBy: 'user:default/carol',
              }),
            ),
      ),
    );
    await renderWithApis(<ReviewEditor incident={incident({ id })} />);
    expect(
      await screen.findByRole('button', { name: 'Open a new revision' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.getByLabelText('Root cause')).toHaveAttribute('readonly');
    await user.click(screen.getByRole('button', { name: 'Export Markdown' }));
    expect(await screen.findByLabelText('Markdown')).toHaveValue(
      '# Post-incident review: INC-1042',
    );
  });
});
