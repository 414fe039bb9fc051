import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import { UpdateIncidentRequest } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { errorMessage, isConflict } from '../common/errorMessage';
import { SlaClocks } from '../sla/SlaClocks';
import { AddUpdateForm } from './AddUpdateForm';
import { AssignControl } from './AssignControl';
import { IncidentActions } from './IncidentActions';
import { IncidentDetails } from './IncidentDetails';
import { IncidentTimeline } from './IncidentTimeline';
import { IncidentProblem } from '../problems/IncidentProblem';
import { IncidentWorkarounds } from '../workarounds/IncidentWorkarounds';
import { IncidentCauseControl } from '../changes/IncidentCauseControl';

/** One incident: details, SLA clocks, legal actions, assignment, timeline. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const api = useApi(itsmApiRef);
  const incident = useAsyncRetry(() => api.getIncident(id), [api, id]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; conflict: boolean }>();
  const [timelineKey, setTimelineKey] = useState(0);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      incident.retry();
      setTimelineKey(k => k + 1);
      return true;
    } catch (e) {
      setError(
        isConflict(e)
          ? {
              message:
                'This incident was changed by someone else; reload to see the latest and try again.',
              conflict: true,
            }
          : { message: errorMessage(e), conflict: false },
      );
      return false;
    } finally {
      setBusy(false);
    }
  };

  const update = async (patch: Omit<UpdateIncidentRequest, 'version'>) => {
    const current = incident.value!;
    await run(() =>
      api.updateIncident(current.id, { ...patch, version: current.version }),
    );
  };

  let content;
  if (incident.loading && !incident.value) {
    content = <Progress />;
  } else if (incident.error) {
    content = <ResponseErrorPanel error={incident.error} />;
  } else if (incident.value) {
    const value = incident.value;
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
                      incident.retry();
                      setTimelineKey(k => k + 1);
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
        <Grid item xs={12} md={8}>
          <InfoCard title="Details">
            <IncidentDetails incident={value} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <InfoCard title="SLA">
            <SlaClocks sla={value.sla} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Actions">
            <Box display="flex" flexDirection="column" gridGap={16}>
              <IncidentActions incident={value} busy={busy} onUpdate={update} />
              <AssignControl incident={value} busy={busy} onUpdate={update} />
              <IncidentProblem incident={value} busy={busy} run={run} />
              <IncidentCauseControl
                incident={value}
                busy={busy}
                onSet={change =>
                  run(() => api.setIncidentCause(value.id, change))
                }
              />
            </Box>
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Known workarounds">
            <IncidentWorkarounds incident={value} busy={busy} run={run} />
          </InfoCard>
        </Grid>
        <Grid item xs={12}>
          <InfoCard title="Timeline">
            <AddUpdateForm
              busy={busy}
              onSubmit={message =>
                run(() => api.addIncidentUpdate(value.id, message))
              }
            />
            <IncidentTimeline incidentId={value.id} reloadKey={timelineKey} />
          </InfoCard>
        </Grid>
      </Grid>
    );
  }

  const title = incident.value
    ? `${incident.value.ref}: ${incident.value.title}`
    : id;
  return (
    <Page themeId="tool">
      <Header title={title} subtitle="Incident" />
      <Content>{content}</Content>
    </Page>
  );
}
