import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, review } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ReviewEditor } from './ReviewEditor';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const id = '11111111-1111-4111-8111-111111111111';
const url = `${BASE_URL}/incidents/${id}/review`;

// Permission answers are cached per permission for the whole file
describe('ReviewEditor without itsm.review.publish', () => {
  it('publishes an approved review only for those allowed to publish', async () => {
    server.use(
      http.get(url, () =>
        HttpResponse.json(
          review({
            status: 'in_review',
            approvals: [
              {
                reviewer: 'user:default/carol',
                at: '2026-11-22T10:00:00.000Z',
              },
            ],
          }),
        ),
      ),
    );
    await renderWithApis(<ReviewEditor incident={incident({ id })} />, {
      denied: ['itsm.review.publish'],
    });
    expect(
      await screen.findByRole('button', { name: 'Back to draft' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/approved by user:default\/carol/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish' })).toBeNull();
  });
});
