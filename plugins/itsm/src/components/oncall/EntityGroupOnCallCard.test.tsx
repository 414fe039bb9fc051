import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, schedule } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityGroupOnCallCard } from './EntityGroupOnCallCard';

const server = setupServer();
registerMswTestHooks(server);

const group: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'payments-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};

describe('EntityGroupOnCallCard', () => {
  it("shows who is on call in the group's schedules", async () => {
    const asked: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/schedules`, ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('ownerGroup'));
        return HttpResponse.json({
          items: [
            schedule({
              layers: [
                {
                  name: 'primary',
                  users: ['user:default/alice'],
                  rotation: { type: 'daily' },
                  handoffTime: '09:00',
                  startDate: '2026-01-01',
                },
              ],
            }),
          ],
        });
      }),
    );
    await renderWithApis(<EntityGroupOnCallCard />, { entity: group });
    expect(
      await screen.findByRole('link', { name: 'payments-primary' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/^primary:/)).toHaveTextContent(/primary: alice/);
    expect(asked).toEqual(['group:default/payments-team']);
  });
});
