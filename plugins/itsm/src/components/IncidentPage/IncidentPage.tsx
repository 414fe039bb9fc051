import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  itsmIncidentUpdatePermission,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { ReadOnlyNote } from '../common/ReadOnlyNote';
import { useAllowed } from '../common/useAllowed';
import { RecordPage } from '../common/RecordPage';
import { useRecordActions } from '../common/useRecordActions';
import { SlaClocks } from '../sla/SlaClocks';
import { AddUpdateForm } from './AddUpdateForm';
import { AssignControl } from './AssignControl';
import { EditIncidentDialog } from './EditIncidentDialog';
import { IncidentActions } from './IncidentActions';
import { IncidentDetails } from './IncidentDetails';
import { IncidentTimeline } from './IncidentTimeline';
import { IncidentProblem } from '../problems/IncidentProblem';
import { IncidentWorkarounds } from '../workarounds/IncidentWorkarounds';
import { IncidentCauseControl } from '../changes/IncidentCauseControl';
import { IncidentAlerts } from '../alerts/IncidentAlerts';
import { MajorIncidentView } from '../major/MajorIncidentView';
import { ReviewEditor } from '../reviews/ReviewEditor';

/** One incident: details, SLA clocks, legal actions, assignment, timeline. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const api = useApi(itsmApiRef);
  const incident = useAsyncRetry(() => api.getIncident(id), [api, id]);
  const canUpdate = useAllowed(
    itsmIncidentUpdatePermission,
    incident.value?.id,
  );
  const { busy, error, clearError, run, eventsKey, reloadEvents } =
    useRecordActions({
      reload: incident.retry,
      staleMessage:
        'This incident was changed by someone else; reload to see the latest and try again.',
    });

  const update = async (patch: Omit<UpdateIncidentRequest, 'version'>) => {
    const current = incident.value!;
    return run(() =>
      api.updateIncident(current.id, { ...patch, version: current.version }),
    );
  };

  return (
    <RecordPage subtitle="Incident" id={id} record={incident}>
      {value => (
        <Grid container spacing={3}>
          {error && (
            <Grid item xs={12}>
              <ActionErrorAlert
                error={error}
                onReload={() => {
                  clearError();
                  incident.retry();
                  reloadEvents();
                }}
              />
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
              {canUpdate === false && (
                <ReadOnlyNote
                  what="incident"
                  permission={itsmIncidentUpdatePermission}
                />
              )}
              {canUpdate && (
                <Box display="flex" flexDirection="column" gridGap={16}>
                  <Box display="flex" alignItems="flex-start" gridGap={16}>
                    <IncidentActions
                      incident={value}
                      busy={busy}
                      onUpdate={update}
                    />
                    <EditIncidentDialog
                      incident={value}
                      busy={busy}
                      onSave={update}
                    />
                  </Box>
                  <AssignControl
                    incident={value}
                    busy={busy}
                    onUpdate={update}
                  />
                  <IncidentProblem incident={value} busy={busy} run={run} />
                  <IncidentCauseControl
                    incident={value}
                    busy={busy}
                    onSet={change =>
                      run(() => api.setIncidentCause(value.id, change))
                    }
                  />
                </Box>
              )}
            </InfoCard>
          </Grid>
          {value.source !== 'portal' && value.source !== 'api' && (
            <Grid item xs={12}>
              <IncidentAlerts incident={value} reloadKey={eventsKey} />
            </Grid>
          )}
          <Grid item xs={12}>
            <MajorIncidentView
              incident={value}
              onChanged={() => {
                incident.retry();
                reloadEvents();
              }}
            />
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Known workarounds">
              <IncidentWorkarounds
                incident={value}
                busy={busy}
                run={run}
                readOnly={!canUpdate}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12}>
            <ReviewEditor
              incident={value}
              onChanged={() => {
                // A refused close named the review: it may be done now
                clearError();
                reloadEvents();
              }}
            />
          </Grid>
          <Grid item xs={12}>
            <InfoCard title="Timeline">
              {canUpdate && (
                <AddUpdateForm
                  busy={busy}
                  onSubmit={message =>
                    run(() => api.addIncidentUpdate(value.id, message))
                  }
                />
              )}
              <IncidentTimeline incidentId={value.id} reloadKey={eventsKey} />
            </InfoCard>
          </Grid>
        </Grid>
      )}
    </RecordPage>
  );
}
