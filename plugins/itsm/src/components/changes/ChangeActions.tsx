import TextField from '@material-ui/core/TextField';
import {
  allowedChangeTransitions,
  CHANGE_OUTCOMES,
  changeActionLabel,
  ChangeDetails,
  ChangeOutcome,
  ChangeStatus,
  UpdateChangeRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { OptionSelect } from '../common/OptionSelect';
import { TransitionButtons } from '../common/TransitionButtons';
import { humanize } from '../common/humanize';

type Patch = Omit<UpdateChangeRequest, 'version'>;

/**
 * One button per legal next status. Closing asks for the outcome;
 * scheduling into a freeze asks for the reason of the override.
 */
export function ChangeActions(props: {
  change: ChangeDetails;
  busy: boolean;
  onUpdate: (patch: Patch) => Promise<boolean>;
}) {
  const { change, busy, onUpdate } = props;
  const [asking, setAsking] = useState<'closed' | 'scheduled'>();
  const [outcome, setOutcome] = useState<ChangeOutcome | ''>('');
  const [notes, setNotes] = useState('');
  const [reason, setReason] = useState('');
  const next = allowedChangeTransitions(change.type, change.status);
  const inFreeze = change.conflicts.some(c => c.kind === 'freeze');

  const move = (to: ChangeStatus) => {
    if (to === 'closed' || (to === 'scheduled' && inFreeze)) setAsking(to);
    else onUpdate({ status: to });
  };
  const confirm = async () => {
    const patch: Patch =
      asking === 'closed'
        ? {
            status: 'closed',
            outcome: outcome as ChangeOutcome,
            outcomeNotes: notes || undefined,
          }
        : { status: 'scheduled', freezeOverrideReason: reason };
    if (await onUpdate(patch)) setAsking(undefined);
  };

  if (!next.length) return null;
  return (
    <>
      <TransitionButtons
        next={next}
        quiet="cancelled"
        busy={busy}
        label={to => changeActionLabel(change.status, to)}
        onMove={move}
      />
      <ActionDialog
        open={Boolean(asking)}
        onClose={() => setAsking(undefined)}
        title={
          asking === 'closed'
            ? `Close ${change.ref}`
            : `Schedule ${change.ref} into a freeze`
        }
        confirmLabel={asking === 'closed' ? 'Close change' : 'Schedule anyway'}
        disabled={busy || (asking === 'closed' ? !outcome : !reason.trim())}
        onConfirm={confirm}
      >
        {asking === 'closed' ? (
          <>
            <OptionSelect
              id="itsm-change-outcome"
              label="Outcome"
              value={outcome}
              options={CHANGE_OUTCOMES}
              onChange={setOutcome}
              format={humanize}
              required
            />
            <TextField
              id="itsm-change-outcome-notes"
              label="Notes"
              value={notes}
              onChange={e => setNotes(e.target.value)}
              fullWidth
              multiline
              minRows={2}
              margin="dense"
            />
          </>
        ) : (
          <TextField
            id="itsm-change-freeze-reason"
            label="Reason for the freeze override"
            value={reason}
            onChange={e => setReason(e.target.value)}
            required
            fullWidth
            margin="dense"
          />
        )}
      </ActionDialog>
    </>
  );
}
