import { registerMswTestHooks } from '@backstage/test-utils';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  BASE_URL,
  problem,
  service,
  workaround,
} from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EntityItsmContent } from '../EntityItsmContent/EntityItsmContent';

jest.setTimeout(60_000);

const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

const server = setupServer();
registerMswTestHooks(server);

const entityRef = 'component:default/payments-api';

describe("a service's Problems sub-view", () => {
  it('lists its problems and proposals, accepts one, and publishes a known error', async () => {
    const seen: Record<string, URLSearchParams[]> = {};
    const track = (name: string, request: Request) => {
      (seen[name] ??= []).push(new URL(request.url).searchParams);
    };
    let published: any;
    server.use(
      // The Incidents view, shown first
      http.get(`${BASE_URL}/sla/compliance`, () =>
        HttpResponse.json({
          from: 'x',
          to: 'y',
          response: { met: 0, breached: 0, compliance: null },
          resolution: { met: 0, breached: 0, compliance: null },
          groups: [],
        }),
      ),
      http.get(`${BASE_URL}/incidents`, () => HttpResponse.json({ items: [] })),
      http.get(`${BASE_URL}/problems`, ({ request }) => {
        track('problems', request);
        return HttpResponse.json({ items: [problem()], totalCount: 1 });
      }),
      http.get(`${BASE_URL}/problem-proposals`, ({ request }) => {
        track('proposals', request);
        return HttpResponse.json({
          items: [
            {
              id: 'p1',
              entityRef,
              reason: 'major',
              title: 'Root cause of INC-1042: Card payments failing',
              summary: 'INC-1042 was a major or P1 incident',
              incidentIds: ['i1'],
              incidentRefs: ['INC-1042'],
              status: 'open',
              createdAt: '2026-11-20T10:00:00.000Z',
            },
          ],
        });
      }),
      http.post(`${BASE_URL}/problem-proposals/p1/accept`, () =>
        HttpResponse.json(problem({ ref: 'PRB-1002' }), { status: 201 }),
      ),
      http.get(`${BASE_URL}/workarounds`, ({ request }) => {
        track('workarounds', request);
        return HttpResponse.json({ items: published ? [workaround()] : [] });
      }),
      http.post(`${BASE_URL}/workarounds`, async ({ request }) => {
        published = await request.json();
        return HttpResponse.json(workaround(), { status: 201 });
      }),
    );
    await renderWithApis(
      <Routes>
        <Route path="/" element={<EntityItsmContent />} />
        <Route path="/itsm/problems/:id" element={<p>Problem page</p>} />
      </Routes>,
      { entity: service },
    );
    await user.click(await screen.findByRole('tab', { name: 'Problems' }));
    expect(
      await screen.findByRole('link', { name: 'PRB-1001' }),
    ).toBeInTheDocument();
    expect(seen.problems[0].get('entityRef')).toBe(entityRef);
    expect(seen.proposals[0].get('entityRef')).toBe(entityRef);
    expect(seen.proposals[0].get('status')).toBe('open');
    expect(
      await screen.findByText('No open workaround for this service.'),
    ).toBeInTheDocument();

    await user.click(
      screen.getByRole('button', { name: 'Publish a known error' }),
    );
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Workaround title'), {
      target: { value: 'Clear the CDN cache' },
    });
    fireEvent.change(within(dialog).getByLabelText('Steps (Markdown)'), {
      target: { value: 'Purge `/static` in the CDN console' },
    });
    await user.click(
      within(dialog).getByRole('button', { name: 'Publish workaround' }),
    );
    expect(
      await screen.findByRole('listitem', {
        name: 'WA-1001: Fail over to the secondary acquirer',
      }),
    ).toBeInTheDocument();
    expect(published).toEqual({
      title: 'Clear the CDN cache',
      steps: 'Purge `/static` in the CDN console',
      affectedServices: [entityRef],
    });

    const proposal = screen.getByRole('listitem', {
      name: 'Root cause of INC-1042: Card payments failing',
    });
    await user.click(
      within(proposal).getByRole('button', { name: 'Open problem' }),
    );
    await waitFor(() =>
      expect(screen.getByText('Problem page')).toBeInTheDocument(),
    );
  });
});
