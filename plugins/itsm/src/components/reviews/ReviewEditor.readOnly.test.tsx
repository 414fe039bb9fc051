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
describe('ReviewEditor for readers', () => {
  it('offers nothing to write to a user who may only read reviews', async () => {
    server.use(http.get(url, () => HttpResponse.json(review())));
    await renderWithApis(<ReviewEditor incident={incident({ id })} />, {
      denied: ['itsm.review.update', 'itsm.review.publish'],
    });
    expect(
      await screen.findByRole('table', { name: 'Facts' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Submit for review' }),
    ).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Add action item' }),
    ).toBeNull();
  });
});
