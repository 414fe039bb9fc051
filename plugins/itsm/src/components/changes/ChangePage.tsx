import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  itsmChangeApprovePermission,
  itsmChangeUpdatePermission,
  UpdateChangeRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ReadOnlyNote } from '../common/ReadOnlyNote';
import { RecordPage } from '../common/RecordPage';
import { useAllowed } from '../common/useAllowed';
import { useRecordActions } from '../common/useRecordActions';
import { CausedIncidents } from './CausedIncidents';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { ChangeActions } from './ChangeActions';
import { ChangeApprovals } from './ChangeApprovals';
import { ChangeDetailsList } from './ChangeDetailsList';
import { ChangeProblemControl } from './ChangeProblemControl';
import { ChangeEventList } from './ChangeEventList';
import { ConflictList } from './ConflictList';

/** One change: details and plans, lifecycle, approvals, conflicts, incidents. */
export function ChangePage() {
  const { id = '' } = useParams();
  const api = useApi(itsmApiRef);
  const change = useAsyncRetry(() => api.getChange(id), [api, id]);
  const canUpdate = useAllowed(itsmChangeUpdatePermission);
  const canApprove = useAllowed(itsmChangeApprovePermission);
  const { busy, error, run, eventsKey } = useRecordActions({
    reload: change.retry,
    staleMessage:
      'This change was changed by someone else; reload to see the latest and try again.',
  });

  return (
    <RecordPage
      subtitle="Change"
      id={id}
      record={change}
      belowHeader={<ItsmSectionTabs />}
    >
      {value => {
        const update = (patch: Omit<UpdateChangeRequest, 'version'>) =>
          run(() =>
            api.updateChange(value.id, { ...patch, version: value.version }),
          );
        return (
          <Grid container spacing={3}>
            {error && (
              <Grid item xs={12}>
                <Alert
                  severity="error"
                  action={
                    <Button color="inherit" size="small" onClick={change.retry}>
                      Reload
                    </Button>
                  }
                >
                  {error.message}
                </Alert>
              </Grid>
            )}
            <Grid item xs={12} md={8}>
              <InfoCard title="Details">
                <ChangeDetailsList change={value} />
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={4}>
              <InfoCard title="Conflicts">
                <ConflictList conflicts={value.conflicts} />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Actions">
                {canUpdate === false ? (
                  <ReadOnlyNote
                    what="change"
                    permission={itsmChangeUpdatePermission}
                  />
                ) : (
                  <>
                    <ChangeActions
                      change={value}
                      busy={busy || canUpdate === undefined}
                      onUpdate={update}
                    />
                    <Box mt={2}>
                      <ChangeProblemControl
                        change={value}
                        busy={busy || canUpdate === undefined}
                        onSet={problemRef => update({ problemRef })}
                      />
                    </Box>
                  </>
                )}
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={6}>
              <InfoCard title="Approvals">
                <ChangeApprovals
                  change={value}
                  busy={busy}
                  canDecide={canApprove}
                  onDecide={(decision, comment) =>
                    run(() =>
                      api.decideChange(value.id, {
                        decision,
                        comment: comment.trim() || undefined,
                      }),
                    )
                  }
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={6}>
              <InfoCard title="Incidents caused">
                <CausedIncidents
                  change={value}
                  busy={busy}
                  readOnly={!canUpdate}
                  onLink={ref =>
                    run(() => api.linkCausedIncident(value.id, ref))
                  }
                  onUnlink={incident =>
                    run(() => api.unlinkCausedIncident(value.id, incident))
                  }
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="History">
                <ChangeEventList changeId={value.id} reloadKey={eventsKey} />
              </InfoCard>
            </Grid>
          </Grid>
        );
      }}
    </RecordPage>
  );
}
