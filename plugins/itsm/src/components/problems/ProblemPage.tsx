import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { UpdateProblemRequest } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { errorMessage, isConflict } from '../common/errorMessage';
import { ProblemActions } from './ProblemActions';
import { ProblemDetails } from './ProblemDetails';
import { ProblemIncidents } from './ProblemIncidents';
import { ProblemScopeControl } from './ProblemScopeControl';
import { ProblemTimeline } from './ProblemTimeline';
import { ProblemWorkarounds } from './ProblemWorkarounds';

/**
 * One problem: what is known, its lifecycle actions, its incidents, its
 * workarounds and its audit trail.
 */
export function ProblemPage() {
  const { id = '' } = useParams();
  const api = useApi(itsmApiRef);
  const problem = useAsyncRetry(() => api.getProblem(id), [api, id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [timelineKey, setTimelineKey] = useState(0);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      problem.retry();
      setTimelineKey(k => k + 1);
      return true;
    } catch (e) {
      setError(
        isConflict(e) && /changed by someone else/.test(errorMessage(e))
          ? {
              message:
                'This problem was changed by someone else; reload to see the latest and try again.',
              conflict: true,
            }
          : { message: errorMessage(e), conflict: false },
      );
      return false;
    } finally {
      setBusy(false);
    }
  };

  const update = (patch: Omit<UpdateProblemRequest, 'version'>) => {
    const current = problem.value!;
    return run(() =>
      api.updateProblem(current.id, { ...patch, version: current.version }),
    );
  };

  let content;
  if (problem.loading && !problem.value) {
    content = <Progress />;
  } else if (problem.error) {
    content = <ResponseErrorPanel error={problem.error} />;
  } else if (problem.value) {
    const value = problem.value;
    content = (
      <Grid container spacing={3}>
        {error && (
          <Grid item xs={12}>
            <Alert
              severity={error.conflict ? 'warning' : 'error'}
              action={
                error.conflict ? (
                  <Button
                    color="inherit"
                    size="small"
                    onClick={() => {
                      setError(undefined);
                      problem.retry();
                    }}
                  >
                    Reload
                  </Button>
                ) : undefined
              }
            >
              {error.message}
            </Alert>
          </Grid>
        )}
        <Grid item xs={12} md={7}>
          <InfoCard title="Details">
            <ProblemDetails problem={value} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={5}>
          <InfoCard title="Actions">
            <ProblemActions problem={value} busy={busy} onUpdate={update} />
            <ProblemScopeControl
              problem={value}
              busy={busy}
              onUpdate={update}
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Incidents">
            <ProblemIncidents
              problem={value}
              busy={busy}
              onChange={change =>
                run(() =>
                  api.changeProblemIncidents(value.id, {
                    ...change,
                    version: value.version,
                  }),
                )
              }
            />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={6}>
          <InfoCard title="Workarounds">
            <ProblemWorkarounds problem={value} busy={busy} run={run} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Timeline">
            <ProblemTimeline problemId={value.id} reloadKey={timelineKey} />
          </InfoCard>
        </Grid>
      </Grid>
    );
  }
  const title = problem.value
    ? `${problem.value.ref}: ${problem.value.title}`
    : id;
  return (
    <Page themeId="tool">
      <Header title={title} subtitle="Problem" />
      <ItsmSectionTabs />
      <Content>{content}</Content>
    </Page>
  );
}
