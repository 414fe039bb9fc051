import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import {
  BASE_URL,
  change,
  incident,
  schedule,
  workaround,
} from '../__testUtils__/fixtures';
import { renderWithApis } from '../__testUtils__/renderWithApis';
import { ChangePage } from './changes/ChangePage';
import { IncidentPage } from './IncidentPage/IncidentPage';
import { SchedulePage } from './oncall/SchedulePage';
import { ReportIncidentButton } from './ReportIncidentDialog/ReportIncidentButton';

// Whole pages in jsdom
jest.setTimeout(60_000);

const server = setupServer();
registerMswTestHooks(server);

const INCIDENT_ID = '11111111-1111-4111-8111-111111111111';
const SCHEDULE_ID = '22222222-2222-4222-8222-222222222222';

// Permission answers are cached by permission and resource: each test asks
// about an incident of its own.
function serveIncident(id = INCIDENT_ID) {
  server.use(
    http.get(`${BASE_URL}/incidents/INC-1042`, () =>
      HttpResponse.json(incident({ id })),
    ),
    http.get(`${BASE_URL}/incidents/${id}/timeline`, () =>
      HttpResponse.json({ items: [] }),
    ),
    http.get(`${BASE_URL}/workarounds`, () =>
      HttpResponse.json({ items: [workaround()] }),
    ),
    http.get(`${BASE_URL}/incidents/${id}/review`, () =>
      HttpResponse.json(
        { error: { name: 'NotFoundError', message: 'No review yet' } },
        { status: 404 },
      ),
    ),
  );
}

function renderIncident(denied: string[]) {
  return renderWithApis(
    <Routes>
      <Route path="/incidents/:id" element={<IncidentPage />} />
    </Routes>,
    { routeEntries: ['/incidents/INC-1042'], denied },
  );
}

describe('the UI offers only what the permission policy allows', () => {
  it('shows an incident read-only to a user who may not update it', async () => {
    serveIncident();
    await renderIncident(['itsm.incident.update']);
    expect(
      await screen.findByText(
        /You can see this incident but not change it/,
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('itsm.incident.update')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Acknowledge' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Post' })).toBeNull();
    // The workaround is listed, without the action
    const item = await screen.findByRole(
      'listitem',
      { name: 'WA-1001: Fail over to the secondary acquirer' },
      { timeout: 10_000 },
    );
    expect(within(item).queryByRole('button')).toBeNull();
  });

  it('offers the incident actions to a user who may update it', async () => {
    serveIncident('33333333-3333-4333-8333-333333333333');
    await renderIncident([]);
    expect(
      await screen.findByRole(
        'button',
        { name: 'Acknowledge' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText(/but not change it/)).toBeNull();
  });

  it('hides "Report incident" from a user who may not create incidents', async () => {
    await renderWithApis(
      <>
        <ReportIncidentButton />
        <span>rendered</span>
      </>,
      { denied: ['itsm.incident.create'] },
    );
    await screen.findByText('rendered');
    // Give the permission answer time to arrive, then check
    await new Promise(r => setTimeout(r, 50));
    expect(
      screen.queryByRole('button', { name: 'Report incident' }),
    ).toBeNull();
  });

  it('lets a CAB-less user read a change but neither approve nor edit it', async () => {
    server.use(
      http.get(`${BASE_URL}/changes/CHG-1001`, () =>
        HttpResponse.json(change()),
      ),
      http.get(`${BASE_URL}/changes/:id/events`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithApis(
      <Routes>
        <Route path="/changes/:id" element={<ChangePage />} />
      </Routes>,
      {
        routeEntries: ['/changes/CHG-1001'],
        denied: ['itsm.change.approve', 'itsm.change.update'],
      },
    );
    expect(
      await screen.findByText(/You can see this change but not change it/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reject' })).toBeNull();
    expect(
      screen.queryByRole('button', { name: 'Link as caused by this change' }),
    ).toBeNull();
  });

  it("keeps a schedule's editor read-only for a user who may not manage it", async () => {
    server.use(
      http.get(`${BASE_URL}/schedules/${SCHEDULE_ID}`, () =>
        HttpResponse.json(schedule()),
      ),
    );
    await renderWithApis(
      <Routes>
        <Route path="/oncall/schedules/:id" element={<SchedulePage />} />
      </Routes>,
      {
        routeEntries: [`/oncall/schedules/${SCHEDULE_ID}`],
        denied: ['itsm.oncall.manage'],
      },
    );
    expect(
      await screen.findByText(/You can see this schedule but not change it/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add override' })).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Save schedule' }),
    ).toBeDisabled();
  });

  it('says plainly when a read is refused (403), naming the permission', async () => {
    server.use(
      http.get(`${BASE_URL}/changes/CHG-1001`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You are not allowed to see changes (itsm.change.read)',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await renderWithApis(
      <Routes>
        <Route path="/changes/:id" element={<ChangePage />} />
      </Routes>,
      { routeEntries: ['/changes/CHG-1001'] },
    );
    expect(await screen.findByText(/Not shown to you/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /You are not allowed to see changes \(itsm.change.read\)/,
      ),
    ).toBeInTheDocument();
  });
});
