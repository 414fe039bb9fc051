import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import DeleteIcon from '@material-ui/icons/Delete';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  EscalationTarget,
  StoredOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { OptionSelect } from '../common/OptionSelect';
import { useCatalogRefs } from '../common/useCatalogRefs';

const TYPES = ['schedule', 'user', 'group'] as const;
const FIRST_LAYER = '(first layer)';

function emptyTarget(type: EscalationTarget['type']): EscalationTarget {
  if (type === 'schedule') return { type, schedule: '' };
  if (type === 'user') return { type, userRef: '' };
  return { type, groupRef: '' };
}

function CatalogRefField(props: {
  id: string;
  kind: 'user' | 'group';
  value: string;
  onChange: (ref: string) => void;
  error?: string;
}) {
  const refs = useCatalogRefs(props.kind);
  return (
    <Autocomplete
      id={props.id}
      options={[
        ...new Set([
          ...(refs.value ?? []),
          ...(props.value ? [props.value] : []),
        ]),
      ]}
      loading={refs.loading}
      value={props.value || null}
      onChange={(_e, value) => props.onChange(value ?? '')}
      style={{ minWidth: 260 }}
      renderInput={params => (
        <TextField
          {...params}
          label={props.kind === 'user' ? 'User' : 'Group'}
          margin="dense"
          error={Boolean(props.error)}
          helperText={props.error}
        />
      )}
    />
  );
}

/** Who one escalation level pages: a schedule's layer, a user or a group. */
export function EscalationTargetFields(props: {
  id: string;
  target: EscalationTarget;
  schedules: StoredOnCallSchedule[];
  onChange: (target: EscalationTarget) => void;
  onRemove: () => void;
  problems: Record<string, string>;
}) {
  const { id, target, schedules, onChange, problems } = props;
  const schedule =
    target.type === 'schedule'
      ? schedules.find(s => s.name === target.schedule)
      : undefined;
  return (
    <Box display="flex" gridGap={8} alignItems="flex-start" flexWrap="wrap">
      <Box width={140}>
        <OptionSelect
          id={`${id}-type`}
          label="Pages"
          value={target.type}
          options={TYPES}
          onChange={type => onChange(emptyTarget(type))}
          error={problems.type}
        />
      </Box>
      {target.type === 'schedule' && (
        <>
          <Box minWidth={220}>
            <OptionSelect
              id={`${id}-schedule`}
              label="Schedule"
              value={target.schedule}
              options={[
                ...new Set(
                  [...schedules.map(s => s.name), target.schedule].filter(
                    Boolean,
                  ),
                ),
              ]}
              onChange={name => onChange({ type: 'schedule', schedule: name })}
              error={problems.schedule}
            />
          </Box>
          <Box minWidth={180}>
            <OptionSelect
              id={`${id}-layer`}
              label="Layer"
              value={target.layer ?? FIRST_LAYER}
              options={[
                FIRST_LAYER,
                ...new Set([
                  ...(schedule?.layers.map(l => l.name) ?? []),
                  ...(target.layer ? [target.layer] : []),
                ]),
              ]}
              onChange={layer =>
                onChange({
                  type: 'schedule',
                  schedule: target.schedule,
                  ...(layer !== FIRST_LAYER && { layer }),
                })
              }
            />
          </Box>
        </>
      )}
      {target.type === 'user' && (
        <CatalogRefField
          id={`${id}-user`}
          kind="user"
          value={target.userRef}
          onChange={userRef => onChange({ type: 'user', userRef })}
          error={problems.userRef}
        />
      )}
      {target.type === 'group' && (
        <CatalogRefField
          id={`${id}-group`}
          kind="group"
          value={target.groupRef}
          onChange={groupRef => onChange({ type: 'group', groupRef })}
          error={problems.groupRef}
        />
      )}
      <IconButton aria-label="Remove target" onClick={props.onRemove}>
        <DeleteIcon fontSize="small" />
      </IconButton>
    </Box>
  );
}
