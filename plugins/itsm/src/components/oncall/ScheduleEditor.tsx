import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Divider from '@material-ui/core/Divider';
import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  OnCallLayer,
  StoredOnCallSchedule,
  validateOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { useEffect, useState } from 'react';
import { fieldProblems } from './fieldProblems';
import { LayerFields } from './LayerFields';
import { newLayer } from './newLayer';
import { TimezoneField } from './TimezoneField';
import { SaveResult } from './useScheduleSave';

type Draft = { name: string; timezone: string; layers: OnCallLayer[] };

const draftOf = (s: StoredOnCallSchedule): Draft => ({
  name: s.name,
  timezone: s.timezone,
  layers: s.layers,
});

/**
 * Edit a schedule's name, timezone and layers, checked with
 * `validateOnCallSchedule` before anything is sent.
 */
export function ScheduleEditor(props: {
  schedule: StoredOnCallSchedule;
  onSave: (draft: Draft) => Promise<SaveResult>;
}) {
  const { schedule, onSave } = props;
  const [draft, setDraft] = useState(() => draftOf(schedule));
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  // A saved or reloaded schedule is the new starting point
  useEffect(() => {
    setDraft(draftOf(schedule));
    setTouched(false);
  }, [schedule]);

  const candidate = { ...schedule, ...draft };
  const problems = touched ? validateOnCallSchedule(candidate) : [];
  const top = fieldProblems(problems, '');
  // Problems no field shows, e.g. an override left on a removed layer
  const unplaced = problems.filter(
    p => p.startsWith('overrides[') || /^layers(: |\[\d+\]: )/.test(p),
  );
  const setLayer = (i: number, layer: OnCallLayer) =>
    setDraft(d => ({
      ...d,
      layers: d.layers.map((l, j) => (j === i ? layer : l)),
    }));

  const save = async () => {
    setTouched(true);
    if (validateOnCallSchedule(candidate).length > 0) return;
    setSaving(true);
    setError(undefined);
    const result = await onSave(draft);
    setSaving(false);
    if (!result.ok && !result.conflict) setError(result.message);
  };

  return (
    <Box display="flex" flexDirection="column" gridGap={16}>
      {error && <Alert severity="error">{error}</Alert>}
      {unplaced.length > 0 && (
        <Alert severity="error">
          {unplaced.map(p => (
            <div key={p}>{p}</div>
          ))}
        </Alert>
      )}
      <Grid container spacing={2}>
        <Grid item xs={12} sm={6}>
          <TextField
            id="itsm-schedule-edit-name"
            label="Schedule name"
            value={draft.name}
            onChange={e => setDraft(d => ({ ...d, name: e.target.value }))}
            margin="dense"
            fullWidth
            error={Boolean(top.name)}
            helperText={top.name}
          />
        </Grid>
        <Grid item xs={12} sm={6}>
          <TimezoneField
            id="itsm-schedule-edit-timezone"
            value={draft.timezone}
            onChange={timezone => setDraft(d => ({ ...d, timezone }))}
            error={top.timezone}
          />
        </Grid>
      </Grid>
      {draft.layers.map((layer, i) => (
        <Box key={i} role="group" aria-label={`Layer ${i + 1}`}>
          <Divider />
          <Box display="flex" alignItems="center" mt={1}>
            <Typography variant="subtitle2" style={{ flexGrow: 1 }}>
              Layer {i + 1}
              {i === 0 ? ' (primary)' : ''}
            </Typography>
            <Button
              size="small"
              onClick={() =>
                setDraft(d => ({
                  ...d,
                  layers: d.layers.filter((_l, j) => j !== i),
                }))
              }
            >
              Remove layer
            </Button>
          </Box>
          <LayerFields
            id={`itsm-layer-${i}`}
            layer={layer}
            onChange={l => setLayer(i, l)}
            problems={fieldProblems(problems, `layers[${i}].`)}
          />
        </Box>
      ))}
      <Box display="flex" gridGap={8}>
        <Button
          onClick={() =>
            setDraft(d => ({
              ...d,
              layers: [
                ...d.layers,
                newLayer(
                  d.layers.length === 0 ? 'primary' : 'secondary',
                  d.timezone,
                ),
              ],
            }))
          }
        >
          Add layer
        </Button>
        <Box flexGrow={1} />
        <Button onClick={() => setDraft(draftOf(schedule))} disabled={saving}>
          Discard changes
        </Button>
        <Button
          variant="contained"
          color="primary"
          onClick={save}
          disabled={saving}
        >
          Save schedule
        </Button>
      </Box>
    </Box>
  );
}
