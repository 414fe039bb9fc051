import { screen } from '@testing-library/react';
import { problem } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ProblemDetails } from './ProblemDetails';

describe('ProblemDetails', () => {
  it('links the changes that fix the problem, with their outcome', async () => {
    await renderWithApis(
      <ProblemDetails
        problem={problem({
          status: 'resolved',
          fixChanges: [
            {
              id: 'c1',
              ref: 'CHG-1001',
              title: 'Upgrade',
              status: 'closed',
              outcome: 'rolled_back',
              plannedStart: '2026-11-01T10:00:00.000Z',
              plannedEnd: '2026-11-01T11:00:00.000Z',
            },
            {
              id: 'c4',
              ref: 'CHG-1004',
              title: 'Hotfix',
              status: 'closed',
              outcome: 'successful',
              plannedStart: '2026-11-02T10:00:00.000Z',
              plannedEnd: '2026-11-02T11:00:00.000Z',
            },
          ],
        })}
      />,
    );
    expect(screen.getByRole('link', { name: 'CHG-1004' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-1004',
    );
    expect(screen.getByText(/\(Rolled back\)/)).toBeInTheDocument();
  });

  it('says when no change is linked yet', async () => {
    await renderWithApis(<ProblemDetails problem={problem()} />);
    expect(screen.queryByRole('link', { name: /^CHG-/ })).toBeNull();
  });
});
