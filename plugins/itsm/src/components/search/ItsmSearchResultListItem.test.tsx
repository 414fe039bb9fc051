import { screen } from '@testing-library/react';
import { ItsmSearchDocument } from '@openitsm/backstage-plugin-itsm-common';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { ItsmSearchResultListItem } from './ItsmSearchResultListItem';

const knownError: ItsmSearchDocument = {
  title: 'Payments API slows down under peak load',
  text: 'Recurring latency at peak hours.\n\nRaise the acquirer pool size and restart the pods',
  location: '/itsm/problems/PRB-1001',
  kind: 'known-error',
  ref: 'PRB-1001',
  status: 'known_error',
  entityRef: 'component:default/payments-api',
  owner: 'group:default/payments-team',
};

describe('ItsmSearchResultListItem', () => {
  it('links the ref and title to the record and highlights the matched words', async () => {
    await renderWithApis(
      <ItsmSearchResultListItem
        result={knownError}
        highlight={{
          preTag: '<<',
          postTag: '>>',
          fields: {
            title: 'Payments API slows down under peak load',
            text: 'Raise the <<acquirer>> <<pool>> size and restart the pods',
          },
        }}
      />,
    );

    const link = screen.getByRole('link', {
      name: 'PRB-1001 Payments API slows down under peak load',
    });
    expect(link).toHaveAttribute('href', '/itsm/problems/PRB-1001');
    const marks = Array.from(document.querySelectorAll('mark')).map(
      mark => mark.textContent,
    );
    expect(marks).toEqual(['acquirer', 'pool']);
    expect(screen.getByText('Known error')).toBeInTheDocument();
    expect(screen.getByText('payments-api')).toBeInTheDocument();
  });

  it('shows an incident with its status and priority, without highlights', async () => {
    const incident: ItsmSearchDocument = {
      title: 'Card payments failing',
      text: 'Acquirer returns 502',
      location: '/itsm/incidents/INC-1042',
      kind: 'incident',
      ref: 'INC-1042',
      status: 'in_progress',
      priority: 'P1',
      entityRef: 'component:default/payments-api',
      authorization: { resourceRef: 'b3c1' },
    };
    await renderWithApis(<ItsmSearchResultListItem result={incident} />);
    expect(
      screen.getByRole('link', { name: 'INC-1042 Card payments failing' }),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(screen.getByText('Acquirer returns 502')).toBeInTheDocument();
    expect(screen.getByText('Incident')).toBeInTheDocument();
    expect(screen.getByText('In progress')).toBeInTheDocument();
    expect(screen.getByText('P1')).toBeInTheDocument();
    expect(document.querySelector('mark')).toBeNull();
  });
});
