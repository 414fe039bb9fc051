import TextField from '@material-ui/core/TextField';
import {
  allowedIncidentTransitions,
  Incident,
  incidentActionLabel,
  IncidentStatus,
  RESOLUTION_CODES,
  ResolutionCode,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { OptionSelect } from '../common/OptionSelect';
import { TransitionButtons } from '../common/TransitionButtons';

/** One button per legal next status; resolving asks for code and notes. */
export function IncidentActions(props: {
  incident: Incident;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateIncidentRequest, 'version'>) => Promise<unknown>;
}) {
  const { incident, busy, onUpdate } = props;
  const [resolving, setResolving] = useState(false);
  const [code, setCode] = useState<ResolutionCode | ''>('');
  const [notes, setNotes] = useState('');
  const next = allowedIncidentTransitions(incident.status);

  const move = (to: IncidentStatus) =>
    to === 'resolved' ? setResolving(true) : onUpdate({ status: to });

  if (!next.length) return null;
  return (
    <>
      <TransitionButtons
        next={next}
        quiet="cancelled"
        busy={busy}
        label={to => incidentActionLabel(incident.status, to)}
        onMove={move}
      />
      <ActionDialog
        open={resolving}
        onClose={() => setResolving(false)}
        title={`Resolve ${incident.ref}`}
        confirmLabel="Resolve"
        disabled={busy || !code || !notes.trim()}
        onConfirm={async () => {
          if (!code) return;
          await onUpdate({
            status: 'resolved',
            resolutionCode: code,
            resolutionNotes: notes,
          });
          setResolving(false);
          setCode('');
          setNotes('');
        }}
      >
        <OptionSelect
          id="itsm-resolution-code"
          label="Resolution code"
          value={code}
          options={RESOLUTION_CODES}
          onChange={setCode}
          format={c => c.replace(/_/g, ' ')}
          required
        />
        <TextField
          id="itsm-resolution-notes"
          label="Resolution notes"
          value={notes}
          onChange={e => setNotes(e.target.value)}
          required
          fullWidth
          multiline
          minRows={3}
          margin="dense"
        />
      </ActionDialog>
    </>
  );
}
