import { registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { Route, Routes } from 'react-router-dom';
import { BASE_URL, change, incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ItsmPage } from './ItsmPage';

jest.setTimeout(30_000);

const server = setupServer();
registerMswTestHooks(server);

describe('ItsmPage', () => {
  it('has a tab for incidents and one for the estate’s changes and calendar', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [incident()], totalCount: 1 }),
      ),
      http.get(`${BASE_URL}/changes`, () =>
        HttpResponse.json({ items: [change()], totalCount: 1 }),
      ),
      http.get(`${BASE_URL}/changes/freezes`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderWithApis(
      <Routes>
        <Route path="/itsm/*" element={<ItsmPage />} />
      </Routes>,
      { routeEntries: ['/itsm'] },
    );
    expect(
      await screen.findByText('Card payments failing'),
    ).toBeInTheDocument();

    const tab = screen.getByRole('tab', { name: 'Changes' });
    expect(tab).toHaveAttribute('href', '/itsm/changes');
    await userEvent.click(tab);
    expect(
      await screen.findByRole('table', { name: 'Changes' }),
    ).toHaveTextContent('Upgrade payments database');
    expect(screen.getByText('Change calendar')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Request change' }),
    ).toBeEnabled();
  });
});
