import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { Incident, Problem } from '@openitsm/backstage-plugin-itsm-common';
import { FormEvent, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ProblemPicker } from '../common/recordPickers';
import { useProblemLink } from '../common/useProblemLink';
import { OpenProblemDialog } from './OpenProblemDialog';

/**
 * On an incident's page: its problem (and unlinking it), or linking it to an
 * existing problem found by search, or opening a new problem from it.
 */
export function IncidentProblem(props: {
  incident: Incident;
  busy: boolean;
  run: (action: () => Promise<unknown>) => Promise<boolean>;
}) {
  const { incident, busy, run } = props;
  const api = useApi(itsmApiRef);
  const problemLink = useProblemLink();
  const [opening, setOpening] = useState(false);
  const [picked, setPicked] = useState<Problem | null>(null);
  const problem = useAsync(
    async () =>
      incident.problemId ? api.getProblem(incident.problemId) : undefined,
    [api, incident.problemId, incident.version],
  );

  if (incident.problemId) {
    const value = problem.value;
    return (
      <Box display="flex" alignItems="center" gridGap={8}>
        <Typography variant="body2">
          Problem:{' '}
          {value ? (
            <Link to={problemLink(value)}>
              {value.ref}: {value.title}
            </Link>
          ) : (
            '…'
          )}
        </Typography>
        {value && (
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              run(() =>
                api.changeProblemIncidents(value.id, {
                  version: value.version,
                  unlink: [incident.id],
                }),
              )
            }
          >
            Unlink from {value.ref}
          </Button>
        )}
      </Box>
    );
  }

  const link = async (event: FormEvent) => {
    event.preventDefault();
    if (!picked) return;
    const ok = await run(async () => {
      // The version as it is now, not as it was when it was offered
      const target = await api.getProblem(picked.id);
      await api.changeProblemIncidents(target.id, {
        version: target.version,
        link: [incident.id],
      });
    });
    if (ok) setPicked(null);
  };
  return (
    <Box display="flex" alignItems="center" gridGap={8} flexWrap="wrap">
      <Button variant="outlined" onClick={() => setOpening(true)}>
        Open problem
      </Button>
      <Box
        component="form"
        onSubmit={link}
        display="flex"
        alignItems="flex-end"
        gridGap={8}
      >
        <Box width={320}>
          <ProblemPicker
            id="itsm-incident-problem-ref"
            label="Link to problem"
            size="small"
            value={picked}
            onChange={setPicked}
          />
        </Box>
        <Button type="submit" disabled={busy || !picked}>
          Link
        </Button>
      </Box>
      <OpenProblemDialog
        open={opening}
        onClose={() => setOpening(false)}
        incidents={[incident]}
      />
    </Box>
  );
}
