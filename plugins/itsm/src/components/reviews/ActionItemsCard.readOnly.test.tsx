import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityActionItemsCard } from './ActionItemsCard';

jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

// Permission answers are cached per permission for the whole file
describe('action items card, read only', () => {
  it('shows an empty state to those who may not update', async () => {
    server.use(
      http.get(`${BASE_URL}/action-items`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithApis(<EntityActionItemsCard />, {
      entity: group,
      denied: ['itsm.review.update'],
    });
    expect(await screen.findByText('No action items.')).toBeInTheDocument();
  });
});
