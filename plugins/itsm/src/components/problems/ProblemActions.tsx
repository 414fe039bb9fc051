import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  allowedProblemTransitions,
  Problem,
  problemActionLabel,
  ProblemStatus,
  requiredProblemFields,
  UpdateProblemRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { humanize } from '../common/humanize';
import { TransitionButtons } from '../common/TransitionButtons';

/**
 * One button per legal next status. Entering a status that needs the root
 * cause asks for it; resolving shows the changes that fix it (linked in
 * "Changes that fix it").
 */
export function ProblemActions(props: {
  problem: Problem;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateProblemRequest, 'version'>) => Promise<boolean>;
}) {
  const { problem, busy, onUpdate } = props;
  const [target, setTarget] = useState<ProblemStatus>();
  const [rootCause, setRootCause] = useState(problem.rootCause ?? '');
  const next = allowedProblemTransitions(problem.status);

  const needsRootCause = (to: ProblemStatus) =>
    requiredProblemFields(to).includes('rootCause');
  const move = (to: ProblemStatus) => {
    if (needsRootCause(to) || to === 'resolved') {
      setRootCause(problem.rootCause ?? '');
      setTarget(to);
    } else {
      onUpdate({ status: to });
    }
  };
  const rootCauseMissing =
    target !== undefined && needsRootCause(target) && !rootCause.trim();

  const confirm = async () => {
    const patch: Omit<UpdateProblemRequest, 'version'> = {
      status: target,
    };
    if (rootCause.trim() !== (problem.rootCause ?? '')) {
      patch.rootCause = rootCause.trim() || null;
    }
    if (await onUpdate(patch)) setTarget(undefined);
  };

  if (!next.length) return null;
  return (
    <>
      <TransitionButtons
        next={next}
        quiet="closed"
        busy={busy}
        label={to => problemActionLabel(problem.status, to)}
        onMove={move}
      />
      <ActionDialog
        open={target !== undefined}
        onClose={() => setTarget(undefined)}
        title={
          <>
            {target && problemActionLabel(problem.status, target)}:{' '}
            {problem.ref}
          </>
        }
        confirmLabel={target && problemActionLabel(problem.status, target)}
        disabled={busy || rootCauseMissing}
        onConfirm={confirm}
      >
        <TextField
          id="itsm-problem-root-cause"
          label="Root cause"
          value={rootCause}
          onChange={e => setRootCause(e.target.value)}
          required={target !== undefined && needsRootCause(target)}
          fullWidth
          multiline
          minRows={3}
          margin="dense"
        />
        {target === 'resolved' && (
          <Typography variant="body2" color="textSecondary">
            {problem.fixChanges.length
              ? `Fixed by ${problem.fixChanges
                  .map(
                    c =>
                      `${c.ref}${c.outcome ? ` (${humanize(c.outcome)})` : ''}`,
                  )
                  .join(', ')}.`
              : 'No change names this problem; link the change that fixed it first, if any.'}
          </Typography>
        )}
      </ActionDialog>
    </>
  );
}
