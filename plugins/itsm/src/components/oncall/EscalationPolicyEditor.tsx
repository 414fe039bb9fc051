import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import Switch from '@material-ui/core/Switch';
import Alert from '@material-ui/lab/Alert';
import {
  ANNOTATION_ESCALATES_TO,
  EscalationLevel,
  EscalationPolicy,
  StoredOnCallSchedule,
  validateEscalationLevels,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { itsmApiRef } from '../../api';
import { ActionError, toActionError } from '../common/actionError';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { isConflict } from '../common/errorMessage';
import { EscalationLevelFields } from './EscalationLevelFields';

/** The first level of a new policy: the group's first schedule, at once. */
function firstLevel(schedules: StoredOnCallSchedule[]): EscalationLevel {
  return {
    afterMinutes: 0,
    targets: [{ type: 'schedule', schedule: schedules[0]?.name ?? '' }],
  };
}

/**
 * A group's escalation policy: ordered levels with their delays and
 * targets, and the two SLA switches. Checked with `validateEscalationLevels`
 * before it is sent; a stale version offers a reload.
 */
export function EscalationPolicyEditor(props: {
  groupRef: string;
  /** `undefined` when the group has no policy yet. */
  policy?: EscalationPolicy;
  /** The group's schedules first, then the others. */
  schedules: StoredOnCallSchedule[];
  onSaved: (policy: EscalationPolicy) => void;
  onReload: () => void;
}) {
  const { groupRef, policy, schedules } = props;
  const api = useApi(itsmApiRef);
  const [levels, setLevels] = useState<EscalationLevel[]>(
    policy?.levels ?? [firstLevel(schedules)],
  );
  const [reassignOnBreach, setReassign] = useState(
    policy?.reassignOnBreach ?? false,
  );
  const [notifyParentOnSla, setNotifyParent] = useState(
    policy?.notifyParentOnSla ?? false,
  );
  const [touched, setTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ActionError>();

  const problems = touched ? validateEscalationLevels(levels) : [];
  const general = problems.filter(p => p.startsWith('levels: '));

  const save = async () => {
    setTouched(true);
    if (validateEscalationLevels(levels).length > 0) return;
    setSaving(true);
    setError(undefined);
    try {
      props.onSaved(
        await api.putEscalationPolicy(groupRef, {
          version: policy?.version ?? 0,
          levels,
          reassignOnBreach,
          notifyParentOnSla,
        }),
      );
    } catch (e) {
      setError(
        toActionError(
          e,
          'This policy was changed by someone else; reload to see the latest and try again.',
          isConflict,
        ),
      );
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      {error && <ActionErrorAlert error={error} onReload={props.onReload} />}
      {general.length > 0 && (
        <Alert severity="error">{general.join('; ')}</Alert>
      )}
      {levels.map((level, i) => (
        <EscalationLevelFields
          key={i}
          index={i}
          level={level}
          schedules={schedules}
          problems={problems}
          onChange={l => setLevels(ls => ls.map((x, j) => (j === i ? l : x)))}
          onRemove={() => setLevels(ls => ls.filter((_x, j) => j !== i))}
        />
      ))}
      <Box>
        <Button
          size="small"
          onClick={() =>
            setLevels(ls => [
              ...ls,
              {
                afterMinutes: (ls[ls.length - 1]?.afterMinutes || 0) + 15,
                targets: [{ type: 'user', userRef: '' }],
              },
            ])
          }
        >
          Add level
        </Button>
      </Box>
      <FormGroup>
        <FormControlLabel
          control={
            <Switch
              checked={reassignOnBreach}
              onChange={e => setReassign(e.target.checked)}
              color="primary"
            />
          }
          label={`On an SLA breach, reassign the incident to the group named in ${ANNOTATION_ESCALATES_TO}`}
        />
        <FormControlLabel
          control={
            <Switch
              checked={notifyParentOnSla}
              onChange={e => setNotifyParent(e.target.checked)}
              color="primary"
            />
          }
          label="On an SLA warning or breach, notify the parent group"
        />
      </FormGroup>
      <Box display="flex" justifyContent="flex-end">
        <Button
          variant="contained"
          color="primary"
          onClick={save}
          disabled={saving}
        >
          Save policy
        </Button>
      </Box>
    </Box>
  );
}
