import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  Change,
  CHANGE_RISKS,
  Problem,
  CHANGE_TYPES,
  ChangeRisk,
  ChangeType,
  checkPlannedWindow,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { OptionSelect } from '../common/OptionSelect';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { ProblemPicker } from '../common/recordPickers';
import { ConflictList } from './ConflictList';
import { humanize } from '../common/humanize';
import { localInputToIso } from './localDateTime';

/** The request-change form; conflicts of the window show as you type it. */
export function RequestChangeForm(props: {
  /** Prefilled services, e.g. the service page's or a problem's. */
  services?: string[];
  /** Prefilled problem this change fixes. */
  problemRef?: string;
  onClose: () => void;
  onCreated?: (change: Change) => void;
}) {
  const api = useApi(itsmApiRef);
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ChangeType>('normal');
  const [risk, setRisk] = useState<ChangeRisk>('medium');
  const [serviceList, setServiceList] = useState<string[]>(
    props.services ?? [],
  );
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [implementationPlan, setImplementationPlan] = useState('');
  const [backoutPlan, setBackoutPlan] = useState('');
  const [testPlan, setTestPlan] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  // A problem's "Request change" names it: show it by ref and title
  useAsync(async () => {
    if (props.problemRef) setProblem(await api.getProblem(props.problemRef));
  }, [api, props.problemRef]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const plannedStart = localInputToIso(start);
  const plannedEnd = localInputToIso(end);
  const windowProblem =
    plannedStart && plannedEnd
      ? checkPlannedWindow(plannedStart, plannedEnd)
      : undefined;

  // Conflicts are asked for once the window and services settle
  const [query, setQuery] = useState<{
    services: string[];
    start: string;
    end: string;
  }>();
  useDebounce(
    () =>
      setQuery(
        plannedStart && plannedEnd && !windowProblem && serviceList.length
          ? { services: serviceList, start: plannedStart, end: plannedEnd }
          : undefined,
      ),
    400,
    [serviceList.join(), start, end],
  );
  const conflicts = useAsync(
    async () => (query ? api.getChangeConflicts(query) : undefined),
    [api, query],
  );

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const change = await api.createChange({
        title,
        type,
        risk,
        affectedServices: serviceList,
        plannedStart: plannedStart!,
        plannedEnd: plannedEnd!,
        implementationPlan,
        backoutPlan,
        testPlan,
        problemRef: problem?.ref,
      });
      props.onCreated?.(change);
      props.onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const text = (
    id: string,
    label: string,
    value: string,
    set: (v: string) => void,
    extra: object = {},
  ) => (
    <TextField
      id={id}
      label={label}
      value={value}
      onChange={e => set(e.target.value)}
      fullWidth
      margin="dense"
      {...extra}
    />
  );

  return (
    <>
      <DialogTitle>Request a change</DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{error}</Alert>}
        {text('itsm-change-title', 'Title', title, setTitle, {
          required: true,
        })}
        <Box display="flex" gridGap={16}>
          <OptionSelect
            id="itsm-change-type"
            label="Type"
            value={type}
            options={CHANGE_TYPES}
            onChange={setType}
            format={humanize}
            required
          />
          <OptionSelect
            id="itsm-change-risk"
            label="Risk"
            value={risk}
            options={CHANGE_RISKS}
            onChange={setRisk}
            format={humanize}
            required
          />
        </Box>
        <EntityRefPicker
          id="itsm-change-services"
          label="Services"
          kinds={['component', 'resource', 'system']}
          multiple
          value={serviceList}
          onChange={setServiceList}
          required
          helperText="The first one is the primary service"
        />
        <Box display="flex" gridGap={16}>
          {text('itsm-change-start', 'Planned start', start, setStart, {
            type: 'datetime-local',
            required: true,
            InputLabelProps: { shrink: true },
          })}
          {text('itsm-change-end', 'Planned end', end, setEnd, {
            type: 'datetime-local',
            required: true,
            InputLabelProps: { shrink: true },
            error: Boolean(windowProblem),
            helperText: windowProblem,
          })}
        </Box>
        {text(
          'itsm-change-implementation',
          'Implementation plan',
          implementationPlan,
          setImplementationPlan,
          { multiline: true, minRows: 2 },
        )}
        {text(
          'itsm-change-backout',
          'Backout plan',
          backoutPlan,
          setBackoutPlan,
          {
            multiline: true,
            minRows: 2,
          },
        )}
        {text('itsm-change-test', 'Test plan', testPlan, setTestPlan, {
          multiline: true,
          minRows: 2,
        })}
        <ProblemPicker
          id="itsm-change-problem"
          label="Fixes problem"
          value={problem}
          onChange={setProblem}
          helperText="The problem this change fixes, if any"
        />
        {conflicts.value && (
          <Box mt={2} display="flex" flexDirection="column" gridGap={8}>
            <Typography variant="subtitle2">Conflicts</Typography>
            <ConflictList conflicts={conflicts.value} />
          </Box>
        )}
        {conflicts.error && (
          <Alert severity="warning">
            Could not check conflicts: {errorMessage(conflicts.error)}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={
            busy ||
            !title.trim() ||
            !serviceList.length ||
            !plannedStart ||
            !plannedEnd ||
            Boolean(windowProblem)
          }
          onClick={submit}
        >
          Request change
        </Button>
      </DialogActions>
    </>
  );
}
