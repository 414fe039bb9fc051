import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident, service } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntitySlaCard } from './EntitySlaCard';

const server = setupServer();
registerMswTestHooks(server);

const counts = (met: number, breached: number) => ({
  met,
  breached,
  compliance: met + breached ? met / (met + breached) : null,
});

const GROUPS: Record<string, object[]> = {
  priority: [{ key: 'P1', response: counts(2, 0), resolution: counts(1, 1) }],
  month: [{ key: '2026-11', response: counts(9, 1), resolution: counts(3, 1) }],
};

describe('EntitySlaCard', () => {
  it('shows compliance for 30 days, per priority, per month, and the breaches', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/sla/compliance`, ({ request }) => {
        const params = new URL(request.url).searchParams;
        queries.push(params);
        const groupBy = params.get('groupBy');
        return HttpResponse.json({
          from: params.get('from'),
          to: params.get('to'),
          response: counts(9, 1),
          resolution: counts(3, 1),
          groupBy: groupBy ?? undefined,
          groups: groupBy ? GROUPS[groupBy] : undefined,
        });
      }),
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({
          items: [
            incident({
              sla: {
                policy: 'gold',
                paused: false,
                response: {
                  targetMinutes: 15,
                  calendar: '24x7',
                  dueAt: '2026-11-20T10:15:00Z',
                  warningAt: '2026-11-20T10:11:00Z',
                  state: 'met',
                },
                resolution: {
                  targetMinutes: 240,
                  calendar: '24x7',
                  dueAt: '2026-11-20T14:00:00Z',
                  warningAt: '2026-11-20T13:00:00Z',
                  state: 'breached',
                },
              },
            }),
          ],
        }),
      ),
    );
    await renderWithApis(<EntitySlaCard />, { entity: service });
    expect(
      await screen.findByLabelText('Response compliance'),
    ).toHaveTextContent('90.0 %');
    expect(screen.getByLabelText('Resolution compliance')).toHaveTextContent(
      '75.0 %',
    );
    expect(
      screen.getByText(
        'Policy: gold · met / (met + breached) of targets due in the period',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('cell', { name: '50.0 % (1/2)' }),
    ).toBeInTheDocument();
    expect(screen.getByText('resolution target missed')).toBeInTheDocument();
    expect(
      queries.every(
        q => q.get('entityRef') === 'component:default/payments-api',
      ),
    ).toBe(true);
    expect(queries.map(q => q.get('groupBy')).sort()).toEqual(
      ['month', 'priority', null].sort(),
    );
    // Up to now, from whole minutes: the card asks the same within a minute
    expect(queries.every(q => q.get('to') === null)).toBe(true);
    expect(
      queries.every(q => /T\d\d:\d\d:00\.000Z$/.test(q.get('from')!)),
    ).toBe(true);
  });

  it('says when nothing fell due', async () => {
    server.use(
      http.get(`${BASE_URL}/sla/compliance`, () =>
        HttpResponse.json({
          from: 'x',
          to: 'y',
          response: counts(0, 0),
          resolution: counts(0, 0),
          groups: [],
        }),
      ),
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json({ items: [] })),
    );
    await renderWithApis(<EntitySlaCard />, { entity: service });
    expect(
      await screen.findByText(/No SLA target of this service fell due/),
    ).toBeInTheDocument();
  });
});
