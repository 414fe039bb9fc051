import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, service } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityItsmCard } from './EntityItsmCard';

const server = setupServer();
registerMswTestHooks(server);

const summaryUrl = `${BASE_URL}/entities/component/default/payments-api/summary`;

describe('EntityItsmCard', () => {
  it('lists the open incidents of the service, linking to each', async () => {
    server.use(
      http.get(summaryUrl, () =>
        HttpResponse.json({
          entityRef: 'component:default/payments-api',
          openIncidents: [
            incident(),
            incident({
              id: '2',
              ref: 'INC-1043',
              title: 'Slow refunds',
              priority: 'P3',
              status: 'in_progress',
            }),
          ],
          openCount: 2,
          openByPriority: { P1: 1, P2: 0, P3: 1, P4: 0, P5: 0 },
          incidentsLast30Days: 5,
        }),
      ),
    );
    await renderWithApis(<EntityItsmCard />, { entity: service });
    expect(
      await screen.findByText('Card payments failing'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-1042' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-1042',
    );
    expect(screen.getByText('Slow refunds')).toBeInTheDocument();
    expect(screen.getByText('2 open incidents:')).toBeInTheDocument();
    expect(screen.getByText('1×P1')).toBeInTheDocument();
    expect(screen.getAllByText('3h')).toHaveLength(2);
  });

  it('says so when nothing is open', async () => {
    server.use(
      http.get(summaryUrl, () =>
        HttpResponse.json({
          entityRef: 'component:default/payments-api',
          openIncidents: [],
          openCount: 0,
          openByPriority: { P1: 0, P2: 0, P3: 0, P4: 0, P5: 0 },
          incidentsLast30Days: 4,
        }),
      ),
    );
    await renderWithApis(<EntityItsmCard />, { entity: service });
    expect(
      await screen.findByText(/No open incidents\. 4 in the last 30 days/),
    ).toBeInTheDocument();
  });

  it('shows the error when the API fails', async () => {
    server.use(
      http.get(summaryUrl, () =>
        HttpResponse.json(
          {
            error: { name: 'Error', message: 'database is down' },
            response: { statusCode: 500 },
          },
          { status: 500 },
        ),
      ),
    );
    await renderWithApis(<EntityItsmCard />, { entity: service });
    expect(
      (await screen.findAllByText(/database is down/)).length,
    ).toBeGreaterThan(0);
  });
});
