import TextField from '@material-ui/core/TextField';
import {
  allowedProblemTransitions,
  CHANGE_REF_PATTERN,
  Problem,
  problemActionLabel,
  ProblemStatus,
  requiredProblemFields,
  UpdateProblemRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ActionDialog } from '../common/ActionDialog';
import { TransitionButtons } from '../common/TransitionButtons';

/**
 * One button per legal next status. Entering a status that needs the root
 * cause asks for it; resolving asks for the change that fixed it.
 */
export function ProblemActions(props: {
  problem: Problem;
  busy: boolean;
  onUpdate: (patch: Omit<UpdateProblemRequest, 'version'>) => Promise<boolean>;
}) {
  const { problem, busy, onUpdate } = props;
  const [target, setTarget] = useState<ProblemStatus>();
  const [rootCause, setRootCause] = useState(problem.rootCause ?? '');
  const [fixChangeRef, setFixChangeRef] = useState(problem.fixChangeRef ?? '');
  const next = allowedProblemTransitions(problem.status);

  const needsRootCause = (to: ProblemStatus) =>
    requiredProblemFields(to).includes('rootCause');
  const move = (to: ProblemStatus) => {
    if (needsRootCause(to) || to === 'resolved') {
      setRootCause(problem.rootCause ?? '');
      setFixChangeRef(problem.fixChangeRef ?? '');
      setTarget(to);
    } else {
      onUpdate({ status: to });
    }
  };
  const changeRef = fixChangeRef.trim().toUpperCase();
  const changeRefValid = !changeRef || CHANGE_REF_PATTERN.test(changeRef);
  const rootCauseMissing =
    target !== undefined && needsRootCause(target) && !rootCause.trim();

  const confirm = async () => {
    const patch: Omit<UpdateProblemRequest, 'version'> = {
      status: target,
    };
    if (rootCause.trim() !== (problem.rootCause ?? '')) {
      patch.rootCause = rootCause.trim() || null;
    }
    if (target === 'resolved' && changeRef !== (problem.fixChangeRef ?? '')) {
      patch.fixChangeRef = changeRef || null;
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
        disabled={busy || rootCauseMissing || !changeRefValid}
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
          <TextField
            id="itsm-problem-fix-change"
            label="Fixed by change"
            placeholder="CHG-1042"
            value={fixChangeRef}
            onChange={e => setFixChangeRef(e.target.value)}
            error={!changeRefValid}
            helperText={
              changeRefValid
                ? 'The change that fixed it, if any'
                : 'A change ref such as CHG-1042'
            }
            fullWidth
            margin="dense"
          />
        )}
      </ActionDialog>
    </>
  );
}
