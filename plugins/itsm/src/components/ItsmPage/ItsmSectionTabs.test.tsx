import { screen } from '@testing-library/react';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ItsmSectionTabs } from './ItsmSectionTabs';

describe('ItsmSectionTabs', () => {
  it('links every section and marks the one shown', async () => {
    await renderWithApis(<ItsmSectionTabs />, {
      routeEntries: ['/itsm/oncall/schedules/abc'],
    });
    const onCall = screen.getByRole('tab', { name: 'On-call' });
    expect(onCall).toHaveAttribute('href', '/itsm/oncall');
    expect(onCall).toHaveAttribute('aria-selected', 'true');
    const incidents = screen.getByRole('tab', { name: 'Incidents' });
    expect(incidents).toHaveAttribute('href', '/itsm');
    expect(incidents).toHaveAttribute('aria-selected', 'false');
  });
});
