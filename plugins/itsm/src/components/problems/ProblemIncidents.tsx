import { Progress } from '@backstage/core-components';
import { RefLink } from '../common/RefLink';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  itsmProblemUpdatePermission,
  Problem,
} from '@openitsm/backstage-plugin-itsm-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { useAllowed } from '../common/useAllowed';
import { PriorityChip } from '../common/PriorityChip';
import { IncidentStatusLabel } from '../common/IncidentStatusLabel';
import { useIncidentLink } from '../common/useIncidentLink';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/** Incidents shown at first, and added by each "Show more". */
const STEP = 50;
const MAX = 500;

/** The problem's incidents, unlink buttons, and a field to link more by ref. */
export function ProblemIncidents(props: {
  problem: Problem;
  busy: boolean;
  onChange: (change: {
    link?: string[];
    unlink?: string[];
  }) => Promise<boolean>;
}) {
  const { problem, busy, onChange } = props;
  const canUpdate = useAllowed(itsmProblemUpdatePermission);
  const api = useApi(itsmApiRef);
  const incidentLink = useIncidentLink();
  const [refs, setRefs] = useState('');
  const [limit, setLimit] = useState(STEP);
  // Reloads whenever the problem changes (its version moves)
  const result = useAsync(
    () => api.listIncidents({ problemId: problem.id, limit }),
    [api, problem.id, problem.version, limit],
  );

  const link = async (event: FormEvent) => {
    event.preventDefault();
    const list = refs
      .split(/[\s,]+/)
      .map(r => r.trim())
      .filter(Boolean);
    if (list.length && (await onChange({ link: list }))) setRefs('');
  };

  let content;
  if (result.loading && !result.value) {
    content = <Progress />;
  } else if (result.error) {
    content = <ReadErrorPanel error={result.error} />;
  } else if (!result.value?.items.length) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No incident is linked to this problem.
      </Typography>
    );
  } else {
    content = (
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {result.value.items.map(incident => (
          <Box
            component="li"
            key={incident.id}
            display="flex"
            alignItems="center"
            gridGap={8}
            py={0.5}
            aria-label={incident.ref}
          >
            <RefLink to={incidentLink(incident)}>{incident.ref}</RefLink>
            <PriorityChip priority={incident.priority} />
            <Typography variant="body2">{incident.title}</Typography>
            <IncidentStatusLabel status={incident.status} />
            <Box flexGrow={1} />
            {canUpdate && (
              <Button
                size="small"
                disabled={busy}
                onClick={() => onChange({ unlink: [incident.id] })}
                aria-label={`Unlink ${incident.ref}`}
              >
                Unlink
              </Button>
            )}
          </Box>
        ))}
        {result.value.nextCursor && (
          <Box display="flex" alignItems="center" gridGap={8} mt={1}>
            <Typography variant="caption" color="textSecondary">
              {result.value.items.length} of {problem.incidentCount}
            </Typography>
            {limit < MAX && (
              <Button size="small" onClick={() => setLimit(limit + STEP)}>
                Show more
              </Button>
            )}
          </Box>
        )}
      </Box>
    );
  }
  return (
    <>
      {content}
      {canUpdate && (
        <Box
          component="form"
          onSubmit={link}
          display="flex"
          alignItems="center"
          gridGap={8}
          mt={2}
        >
          <TextField
            id="itsm-problem-link"
            label="Link incidents"
            placeholder="INC-1042, INC-1043"
            value={refs}
            onChange={e => setRefs(e.target.value)}
            size="small"
          />
          <Button type="submit" disabled={busy || !refs.trim()}>
            Link
          </Button>
        </Box>
      )}
    </>
  );
}
