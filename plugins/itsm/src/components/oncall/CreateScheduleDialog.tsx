import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  StoredOnCallSchedule,
  validateOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { FormEvent, useState } from 'react';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { useCatalogRefs } from '../common/useCatalogRefs';
import { fieldProblems } from './fieldProblems';
import { LayerFields } from './LayerFields';
import { newLayer } from './newLayer';
import { browserTimezone } from './timezones';
import { TimezoneField } from './TimezoneField';

/**
 * A new schedule: name, owner group, timezone (the browser's by default) and
 * its primary layer. Unmounted when closed, so every opening starts fresh.
 */
function CreateScheduleForm(props: {
  ownerGroup?: string;
  onClose: () => void;
  onCreated: (schedule: StoredOnCallSchedule) => void;
}) {
  const api = useApi(itsmApiRef);
  const groups = useCatalogRefs('group');
  const [name, setName] = useState('');
  const [ownerGroup, setOwnerGroup] = useState<string | null>(
    props.ownerGroup ?? null,
  );
  const [timezone, setTimezone] = useState(browserTimezone);
  const [layer, setLayer] = useState(() => newLayer('primary', timezone));
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string>();

  const schedule = { name, timezone, layers: [layer], overrides: [] };
  const problems = touched ? validateOnCallSchedule(schedule) : [];
  const topLevel = fieldProblems(problems, '');
  const ownerMissing = touched && !ownerGroup;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (validateOnCallSchedule(schedule).length > 0 || !ownerGroup) return;
    setSubmitting(true);
    setError(undefined);
    try {
      props.onCreated(
        await api.createSchedule({
          name: name.trim(),
          ownerGroup,
          timezone,
          layers: [layer],
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <DialogTitle>New on-call schedule</DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={2}>
            <Alert severity="error">{error}</Alert>
          </Box>
        )}
        <TextField
          id="itsm-schedule-name"
          label="Name"
          value={name}
          onChange={e => setName(e.target.value)}
          margin="dense"
          fullWidth
          required
          error={Boolean(topLevel.name)}
          helperText={
            topLevel.name ??
            'Unique; services name it in the openitsm.io/oncall-schedule annotation'
          }
        />
        <Autocomplete
          id="itsm-schedule-owner"
          options={groups.value ?? []}
          loading={groups.loading}
          value={ownerGroup}
          onChange={(_e, value) => setOwnerGroup(value)}
          renderInput={params => (
            <TextField
              {...params}
              label="Owner group"
              margin="dense"
              required
              error={ownerMissing}
              helperText={ownerMissing ? 'Choose the group that owns it' : ''}
            />
          )}
        />
        <TimezoneField
          id="itsm-schedule-timezone"
          value={timezone}
          onChange={setTimezone}
          error={topLevel.timezone}
        />
        <Box mt={2}>
          <Typography variant="subtitle2">Primary layer</Typography>
          <LayerFields
            id="itsm-schedule-layer"
            layer={layer}
            onChange={setLayer}
            problems={fieldProblems(problems, 'layers[0].')}
          />
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button type="submit" color="primary" disabled={submitting}>
          Create
        </Button>
      </DialogActions>
    </form>
  );
}

/** The "New schedule" dialog. */
export function CreateScheduleDialog(props: {
  open: boolean;
  ownerGroup?: string;
  onClose: () => void;
  onCreated: (schedule: StoredOnCallSchedule) => void;
}) {
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="md">
      <CreateScheduleForm
        ownerGroup={props.ownerGroup}
        onClose={props.onClose}
        onCreated={props.onCreated}
      />
    </Dialog>
  );
}
