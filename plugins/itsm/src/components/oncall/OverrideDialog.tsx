import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  OnCallOverride,
  StoredOnCallSchedule,
  validateOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { DateTime } from 'luxon';
import { FormEvent, useState } from 'react';
import { OptionSelect } from '../common/OptionSelect';
import { useCatalogRefs } from '../common/useCatalogRefs';
import { fieldProblems } from './fieldProblems';
import { fromLocalInput, toLocalInput } from './localDateTime';
import { SaveResult } from './useScheduleSave';

function OverrideForm(props: {
  schedule: StoredOnCallSchedule;
  initial: OnCallOverride;
  onClose: () => void;
  onSave: (overrides: OnCallOverride[]) => Promise<SaveResult>;
}) {
  const { schedule, onClose, onSave } = props;
  const users = useCatalogRefs('user');
  const [layer, setLayer] = useState(props.initial.layer);
  const [user, setUser] = useState<string | null>(props.initial.user || null);
  const [from, setFrom] = useState(toLocalInput(props.initial.from));
  const [to, setTo] = useState(toLocalInput(props.initial.to));
  const [reason, setReason] = useState(props.initial.reason ?? '');
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();

  const override: OnCallOverride = {
    layer,
    user: user ?? '',
    from: fromLocalInput(from),
    to: fromLocalInput(to),
    ...(reason.trim() && { reason: reason.trim() }),
  };
  const overrides = [...schedule.overrides, override];
  const allProblems = touched
    ? validateOnCallSchedule({ ...schedule, overrides })
    : [];
  const problems = fieldProblems(
    allProblems,
    `overrides[${overrides.length - 1}].`,
  );
  const zone = DateTime.local().zoneName;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (validateOnCallSchedule({ ...schedule, overrides }).length > 0) return;
    setSaving(true);
    const result = await onSave(overrides);
    setSaving(false);
    if (result.ok || result.conflict) {
      onClose();
    } else {
      setError(result.message);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>Override</DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={2}>
            <Alert severity="error">{error}</Alert>
          </Box>
        )}
        <Grid container spacing={2}>
          <Grid item xs={12} sm={4}>
            <OptionSelect
              id="itsm-override-layer"
              label="Layer"
              value={layer}
              options={schedule.layers.map(l => l.name)}
              onChange={setLayer}
              required
            />
          </Grid>
          <Grid item xs={12} sm={8}>
            <Autocomplete
              id="itsm-override-user"
              // The signed-in user may not be in the catalog list yet
              options={[
                ...new Set([...(users.value ?? []), ...(user ? [user] : [])]),
              ]}
              loading={users.loading}
              value={user}
              onChange={(_e, value) => setUser(value)}
              renderInput={params => (
                <TextField
                  {...params}
                  label="Who is on call instead"
                  margin="dense"
                  required
                  error={Boolean(problems.user)}
                  helperText={problems.user}
                />
              )}
            />
          </Grid>
          {(['from', 'to'] as const).map(field => (
            <Grid item xs={12} sm={6} key={field}>
              <TextField
                id={`itsm-override-${field}`}
                label={`${
                  field === 'from' ? 'From' : 'To'
                } (your time, ${zone})`}
                type="datetime-local"
                value={field === 'from' ? from : to}
                onChange={e =>
                  (field === 'from' ? setFrom : setTo)(e.target.value)
                }
                margin="dense"
                fullWidth
                required
                InputLabelProps={{ shrink: true }}
                error={Boolean(problems[field])}
                helperText={problems[field]}
              />
            </Grid>
          ))}
          <Grid item xs={12}>
            <TextField
              id="itsm-override-reason"
              label="Reason"
              value={reason}
              onChange={e => setReason(e.target.value)}
              margin="dense"
              fullWidth
            />
          </Grid>
        </Grid>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" color="primary" disabled={saving}>
          Save override
        </Button>
      </DialogActions>
    </form>
  );
}

/**
 * Add an override ("I take Friday night") to a schedule; `initial` prefills
 * it, e.g. with the signed-in user and a shift to take over.
 */
export function OverrideDialog(props: {
  schedule: StoredOnCallSchedule;
  initial?: OnCallOverride;
  onClose: () => void;
  onSave: (overrides: OnCallOverride[]) => Promise<SaveResult>;
}) {
  return (
    <Dialog open={Boolean(props.initial)} onClose={props.onClose} fullWidth>
      {props.initial && (
        <OverrideForm
          schedule={props.schedule}
          initial={props.initial}
          onClose={props.onClose}
          onSave={props.onSave}
        />
      )}
    </Dialog>
  );
}
