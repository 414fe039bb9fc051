import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  EscalationLevel,
  StoredOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { EscalationTargetFields } from './EscalationTargetFields';
import { fieldProblems } from './fieldProblems';

/** One escalation level: its delay and its targets. */
export function EscalationLevelFields(props: {
  index: number;
  level: EscalationLevel;
  schedules: StoredOnCallSchedule[];
  onChange: (level: EscalationLevel) => void;
  onRemove: () => void;
  problems: string[];
}) {
  const { index, level, schedules, onChange, problems } = props;
  const mine = fieldProblems(problems, `levels[${index}].`);
  const id = `itsm-escalation-level-${index}`;
  return (
    <Box role="group" aria-label={`Level ${index + 1}`} mb={2}>
      <Box display="flex" alignItems="center" gridGap={16}>
        <Typography variant="subtitle2">Level {index + 1}</Typography>
        <TextField
          id={`${id}-after`}
          label="After (minutes unacknowledged)"
          type="number"
          value={Number.isNaN(level.afterMinutes) ? '' : level.afterMinutes}
          onChange={e =>
            onChange({
              ...level,
              afterMinutes:
                e.target.value === '' ? NaN : Number(e.target.value),
            })
          }
          margin="dense"
          inputProps={{ min: 0, step: 1 }}
          style={{ minWidth: 240 }}
          error={Boolean(mine.afterMinutes)}
          helperText={mine.afterMinutes}
        />
        <Box flexGrow={1} />
        <Button size="small" onClick={props.onRemove}>
          Remove level
        </Button>
      </Box>
      {mine.targets && (
        <Typography variant="body2" color="error">
          {mine.targets}
        </Typography>
      )}
      {level.targets.map((target, j) => (
        <EscalationTargetFields
          key={j}
          id={`${id}-target-${j}`}
          target={target}
          schedules={schedules}
          onChange={t =>
            onChange({
              ...level,
              targets: level.targets.map((x, k) => (k === j ? t : x)),
            })
          }
          onRemove={() =>
            onChange({
              ...level,
              targets: level.targets.filter((_x, k) => k !== j),
            })
          }
          problems={fieldProblems(problems, `levels[${index}].targets[${j}].`)}
        />
      ))}
      <Button
        size="small"
        onClick={() =>
          onChange({
            ...level,
            targets: [...level.targets, { type: 'user', userRef: '' }],
          })
        }
      >
        Add target
      </Button>
    </Box>
  );
}
