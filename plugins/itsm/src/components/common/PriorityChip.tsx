import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Priority } from '@openitsm/backstage-plugin-itsm-common';

const COLORS: Record<Priority, string> = {
  P1: '#c62828',
  P2: '#ef6c00',
  P3: '#f9a825',
  P4: '#1565c0',
  P5: '#607d8b',
};

const useStyles = makeStyles({
  chip: { color: '#fff', fontWeight: 600, minWidth: 40 },
});

/** P1–P5 as a coloured chip, red to grey. */
export function PriorityChip(props: { priority: Priority }) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      label={props.priority}
      className={classes.chip}
      style={{ backgroundColor: COLORS[props.priority] }}
    />
  );
}
