import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
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
import { OptionSelect } from '../common/OptionSelect';

/** One button per legal next status; resolving asks for code and notes. */
export function IncidentActions(props: {
  incident: Incident;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateIncidentRequest, 'version'>) => Promise<void>;
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
      <Box
        display="flex"
        gridGap={8}
        flexWrap="wrap"
        role="group"
        aria-label="Status actions"
      >
        {next.map(to => (
          <Button
            key={to}
            variant={to === 'cancelled' ? 'outlined' : 'contained'}
            color={to === 'cancelled' ? 'default' : 'primary'}
            disabled={busy}
            onClick={() => move(to)}
          >
            {incidentActionLabel(incident.status, to)}
          </Button>
        ))}
      </Box>
      <Dialog open={resolving} onClose={() => setResolving(false)} fullWidth>
        <DialogTitle>Resolve {incident.ref}</DialogTitle>
        <DialogContent>
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
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setResolving(false)}>Cancel</Button>
          <Button
            color="primary"
            variant="contained"
            disabled={busy || !code || !notes.trim()}
            onClick={async () => {
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
            Resolve
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
