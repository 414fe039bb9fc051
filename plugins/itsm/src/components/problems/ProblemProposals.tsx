import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  itsmProblemCreatePermission,
  itsmProblemUpdatePermission,
  ProblemProposal,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { useProblemLink } from '../common/useProblemLink';
import { Permitted } from '../common/Permitted';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * Problems the recurrence detector proposes: accept opens the problem with
 * its incidents linked, dismiss hides the set for good. Renders nothing when
 * there is no open proposal.
 */
export function ProblemProposals(props: { entityRef?: string }) {
  const api = useApi(itsmApiRef);
  const navigate = useNavigate();
  const problemLink = useProblemLink();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();
  const result = useAsyncRetry(
    () =>
      api.listProblemProposals({
        entityRef: props.entityRef,
        status: 'open',
        limit: 20,
      }),
    [api, props.entityRef],
  );

  const decide = async (proposal: ProblemProposal, accept: boolean) => {
    setBusy(proposal.id);
    setError(undefined);
    try {
      if (accept) {
        navigate(problemLink(await api.acceptProblemProposal(proposal.id)));
      } else {
        await api.dismissProblemProposal(proposal.id);
        result.retry();
      }
    } catch (e) {
      setError(errorMessage(e));
      result.retry();
    } finally {
      setBusy(undefined);
    }
  };

  if (result.loading && !result.value) return <Progress />;
  if (result.error) return <ReadErrorPanel error={result.error} />;
  if (!result.value?.items.length) return null;
  return (
    <InfoCard
      title="Proposed problems"
      subheader="Recurring or major incidents that no problem covers yet"
    >
      {error && (
        <Box mb={1}>
          <Alert severity="error">{error}</Alert>
        </Box>
      )}
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {result.value.items.map(proposal => (
          <Box
            component="li"
            key={proposal.id}
            py={1}
            display="flex"
            alignItems="center"
            gridGap={8}
            aria-label={proposal.title}
          >
            <Box flexGrow={1}>
              <Typography variant="subtitle2">{proposal.title}</Typography>
              <Typography variant="caption" color="textSecondary">
                {proposal.summary}
              </Typography>
            </Box>
            <Permitted permission={itsmProblemCreatePermission}>
              <Button
                size="small"
                color="primary"
                variant="contained"
                disabled={busy !== undefined}
                onClick={() => decide(proposal, true)}
              >
                Open problem
              </Button>
            </Permitted>
            <Permitted permission={itsmProblemUpdatePermission}>
              <Button
                size="small"
                disabled={busy !== undefined}
                onClick={() => decide(proposal, false)}
              >
                Dismiss
              </Button>
            </Permitted>
          </Box>
        ))}
      </Box>
    </InfoCard>
  );
}
