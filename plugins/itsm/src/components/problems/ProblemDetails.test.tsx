import { screen } from '@testing-library/react';
import { problem } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ProblemDetails } from './ProblemDetails';

describe('ProblemDetails', () => {
  it('links the change that fixed the problem', async () => {
    await renderWithApis(
      <ProblemDetails
        problem={problem({ status: 'resolved', fixChangeRef: 'CHG-1004' })}
      />,
    );
    expect(screen.getByRole('link', { name: 'CHG-1004' })).toHaveAttribute(
      'href',
      '/itsm/changes/CHG-1004',
    );
  });

  it('says when no change is linked yet', async () => {
    await renderWithApis(<ProblemDetails problem={problem()} />);
    expect(screen.queryByRole('link', { name: /^CHG-/ })).toBeNull();
  });
});
