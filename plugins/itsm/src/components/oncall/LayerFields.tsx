import Grid from '@material-ui/core/Grid';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  OnCallLayer,
  OnCallRotationType,
} from '@openitsm/backstage-plugin-itsm-common';
import { OptionSelect } from '../common/OptionSelect';
import { useCatalogRefs } from '../common/useCatalogRefs';

const ROTATIONS: readonly OnCallRotationType[] = ['daily', 'weekly', 'custom'];
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/**
 * The fields of one layer: name, users in rotation order, rotation, handoff
 * time and weekday, start date. `problems` are keyed by field path
 * (`handoffTime`, `rotation.lengthHours`, …).
 */
export function LayerFields(props: {
  id: string;
  layer: OnCallLayer;
  onChange: (layer: OnCallLayer) => void;
  problems: Record<string, string>;
}) {
  const { id, layer, onChange, problems } = props;
  const users = useCatalogRefs('user');
  const set = (patch: Partial<OnCallLayer>) => onChange({ ...layer, ...patch });
  const error = (field: string) => ({
    error: Boolean(problems[field]),
    helperText: problems[field],
  });
  return (
    <Grid container spacing={2}>
      <Grid item xs={12} sm={4}>
        <TextField
          id={`${id}-name`}
          label="Layer name"
          value={layer.name}
          onChange={e => set({ name: e.target.value })}
          margin="dense"
          fullWidth
          required
          {...error('name')}
        />
      </Grid>
      <Grid item xs={12} sm={8}>
        <Autocomplete
          id={`${id}-users`}
          multiple
          // Users no longer in the catalog stay listed, so they can be removed
          options={[...new Set([...(users.value ?? []), ...layer.users])]}
          loading={users.loading}
          value={layer.users}
          onChange={(_e, value) => set({ users: value })}
          filterSelectedOptions
          renderInput={params => (
            <TextField
              {...params}
              label="Users, in rotation order"
              margin="dense"
              {...error('users')}
            />
          )}
        />
      </Grid>
      <Grid item xs={6} sm={3}>
        <OptionSelect
          id={`${id}-rotation`}
          label="Rotation"
          value={layer.rotation.type}
          options={ROTATIONS}
          onChange={type =>
            set({
              rotation:
                type === 'custom'
                  ? { type, lengthHours: layer.rotation.lengthHours ?? 12 }
                  : { type },
              handoffWeekday:
                type === 'weekly' ? layer.handoffWeekday ?? 1 : undefined,
            })
          }
        />
      </Grid>
      {layer.rotation.type === 'custom' && (
        <Grid item xs={6} sm={3}>
          <TextField
            id={`${id}-length`}
            label="Shift length (hours)"
            type="number"
            value={layer.rotation.lengthHours ?? ''}
            onChange={e =>
              set({
                rotation: {
                  type: 'custom',
                  lengthHours:
                    e.target.value === '' ? undefined : Number(e.target.value),
                },
              })
            }
            margin="dense"
            fullWidth
            {...error('rotation.lengthHours')}
          />
        </Grid>
      )}
      {layer.rotation.type === 'weekly' && (
        <Grid item xs={6} sm={3}>
          <OptionSelect
            id={`${id}-weekday`}
            label="Handoff day"
            value={
              String(layer.handoffWeekday ?? 1) as (typeof WEEKDAYS)[number]
            }
            options={WEEKDAYS}
            format={day => WEEKDAY_NAMES[Number(day) - 1]}
            onChange={day => set({ handoffWeekday: Number(day) })}
          />
        </Grid>
      )}
      <Grid item xs={6} sm={3}>
        <TextField
          id={`${id}-handoff`}
          label="Handoff time"
          type="time"
          value={layer.handoffTime}
          onChange={e => set({ handoffTime: e.target.value })}
          margin="dense"
          fullWidth
          InputLabelProps={{ shrink: true }}
          {...error('handoffTime')}
        />
      </Grid>
      <Grid item xs={6} sm={3}>
        <TextField
          id={`${id}-start`}
          label="Start date"
          type="date"
          value={layer.startDate}
          onChange={e => set({ startDate: e.target.value })}
          margin="dense"
          fullWidth
          InputLabelProps={{ shrink: true }}
          {...error('startDate')}
        />
      </Grid>
    </Grid>
  );
}
