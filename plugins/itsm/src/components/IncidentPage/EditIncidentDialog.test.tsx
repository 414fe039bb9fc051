import { screen, waitFor, within } from '@testing-library/react';
import userEvent, {
  PointerEventsCheckLevel,
} from '@testing-library/user-event';
import { incident } from '../../__testUtils__/fixtures';
import { renderWithApis } from '../../__testUtils__/renderWithApis';
import { EditIncidentDialog } from './EditIncidentDialog';

jest.setTimeout(60_000);

const user = userEvent.setup({
  pointerEventsCheck: PointerEventsCheckLevel.Never,
});

async function open(onSave: (patch: object) => Promise<boolean>) {
  await renderWithApis(
    <EditIncidentDialog
      incident={incident({ reporterContact: 'alice@example.com' })}
      busy={false}
      onSave={onSave}
    />,
  );
  await user.click(screen.getByRole('button', { name: 'Edit / reclassify' }));
  return screen.findByRole('dialog');
}

async function choose(dialog: HTMLElement, field: RegExp, option: string) {
  await user.click(within(dialog).getByRole('button', { name: field }));
  await user.click(
    await screen.findByRole('option', { name: option, hidden: true }),
  );
}

describe('EditIncidentDialog', () => {
  it('recomputes the priority live from the matrix and sends only what changed', async () => {
    const onSave = jest.fn(async () => true);
    const dialog = await open(onSave);
    const save = within(dialog).getByRole('button', { name: 'Save' });
    expect(save).toBeDisabled(); // nothing changed yet
    expect(within(dialog).getByRole('status')).toHaveTextContent('P1');

    await choose(dialog, /^Urgency/, 'Low');
    expect(within(dialog).getByRole('status')).toHaveTextContent('P3');
    expect(
      within(dialog).getByText(/was P1; the SLA due times are recomputed/),
    ).toBeInTheDocument();
    await choose(dialog, /^Category/, 'Performance');
    const contact = within(dialog).getByLabelText('Reporter contact');
    await user.clear(contact);
    await user.type(contact, '+33 6 12 34 56 78');

    await user.click(save);
    await waitFor(() =>
      expect(onSave).toHaveBeenCalledWith({
        urgency: 'low',
        category: 'performance',
        reporterContact: '+33 6 12 34 56 78',
      }),
    );
  });

  it('refuses an empty title and an occurred-at in the future', async () => {
    const dialog = await open(async () => true);
    const save = within(dialog).getByRole('button', { name: 'Save' });
    const title = within(dialog).getByLabelText(/^Title/);
    await user.clear(title);
    expect(save).toBeDisabled();
    await user.type(title, 'Card payments failing at the acquirer');
    expect(save).toBeEnabled();
    const occurred = within(dialog).getByLabelText('Occurred at');
    await user.type(occurred, '2099-01-01T10:00');
    expect(
      within(dialog).getByText('Must not be in the future'),
    ).toBeInTheDocument();
    expect(save).toBeDisabled();
  });
});
