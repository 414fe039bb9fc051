import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { useProblemLink } from '../common/useProblemLink';
import { OpenProblemDialog } from './OpenProblemDialog';

/** On an incident's page: its problem, or a button to open one from it. */
export function IncidentProblem(props: { incident: Incident }) {
  const { incident } = props;
  const api = useApi(itsmApiRef);
  const problemLink = useProblemLink();
  const [opening, setOpening] = useState(false);
  const problem = useAsync(
    async () =>
      incident.problemId ? api.getProblem(incident.problemId) : undefined,
    [api, incident.problemId],
  );

  if (incident.problemId) {
    return (
      <Typography variant="body2">
        Problem:{' '}
        {problem.value ? (
          <Link to={problemLink(problem.value)}>
            {problem.value.ref}: {problem.value.title}
          </Link>
        ) : (
          <Link to={problemLink({ ref: incident.problemId })}>
            {problem.error ? 'linked problem' : '…'}
          </Link>
        )}
      </Typography>
    );
  }
  return (
    <Box>
      <Button variant="outlined" onClick={() => setOpening(true)}>
        Open problem
      </Button>
      <OpenProblemDialog
        open={opening}
        onClose={() => setOpening(false)}
        incidents={[incident]}
      />
    </Box>
  );
}
