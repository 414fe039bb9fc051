import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Change, Problem } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ProblemPicker } from '../common/recordPickers';

/**
 * The problem this change fixes, in any status: shown, picked by search,
 * changed or cleared (the problem's timeline records it).
 */
export function ChangeProblemControl(props: {
  change: Change;
  busy: boolean;
  onSet: (problemRef: string | null) => Promise<boolean>;
}) {
  const { change, busy, onSet } = props;
  const [editing, setEditing] = useState(false);
  const [picked, setPicked] = useState<Problem | null>(null);

  if (change.problemRef && !editing) {
    return (
      <Box display="flex" alignItems="center" flexWrap="wrap" gridGap={8}>
        <Typography variant="body2">
          Fixes problem {change.problemRef}
        </Typography>
        <Button size="small" disabled={busy} onClick={() => setEditing(true)}>
          Change problem
        </Button>
        <Button size="small" disabled={busy} onClick={() => onSet(null)}>
          Unlink problem
        </Button>
      </Box>
    );
  }
  return (
    <Box display="flex" alignItems="flex-end" gridGap={8}>
      <ProblemPicker
        id="itsm-change-problem-picker"
        label="Fixes problem"
        size="small"
        value={picked}
        onChange={setPicked}
        disabled={busy}
      />
      <Button
        variant="outlined"
        style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        disabled={busy || !picked}
        onClick={async () => {
          if (picked && (await onSet(picked.ref))) {
            setPicked(null);
            setEditing(false);
          }
        }}
      >
        Link problem
      </Button>
      {editing && (
        <Button size="small" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      )}
    </Box>
  );
}
