import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import {
  itsmProblemUpdatePermission,
  UpdateProblemRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ActionErrorAlert } from '../common/ActionErrorAlert';
import { ReadOnlyNote } from '../common/ReadOnlyNote';
import { RecordPage } from '../common/RecordPage';
import { useAllowed } from '../common/useAllowed';
import { useRecordActions } from '../common/useRecordActions';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { ProblemActions } from './ProblemActions';
import { ProblemChanges } from './ProblemChanges';
import { ProblemDetails } from './ProblemDetails';
import { ProblemIncidents } from './ProblemIncidents';
import { ProblemScopeControl } from './ProblemScopeControl';
import { ProblemTimeline } from './ProblemTimeline';
import { ProblemWorkarounds } from './ProblemWorkarounds';

/**
 * One problem: what is known, its lifecycle actions, its incidents, the
 * changes that fix it, its workarounds and its audit trail.
 */
export function ProblemPage() {
  const { id = '' } = useParams();
  const api = useApi(itsmApiRef);
  const problem = useAsyncRetry(() => api.getProblem(id), [api, id]);
  const canUpdate = useAllowed(itsmProblemUpdatePermission);
  const { busy, error, clearError, run, eventsKey } = useRecordActions({
    reload: problem.retry,
    staleMessage:
      'This problem was changed by someone else; reload to see the latest and try again.',
  });

  const update = (patch: Omit<UpdateProblemRequest, 'version'>) => {
    const current = problem.value!;
    return run(() =>
      api.updateProblem(current.id, { ...patch, version: current.version }),
    );
  };

  return (
    <RecordPage
      subtitle="Problem"
      id={id}
      record={problem}
      belowHeader={<ItsmSectionTabs />}
    >
      {value => (
        <Grid container spacing={3}>
          {error && (
            <Grid item xs={12}>
              <ActionErrorAlert
                error={error}
                onReload={() => {
                  clearError();
                  problem.retry();
                }}
              />
            </Grid>
          )}
          <Grid item xs={12} md={7}>
            <InfoCard title="Details">
              <ProblemDetails problem={value} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={5}>
            <InfoCard title="Actions">
              {canUpdate === false && (
                <ReadOnlyNote
                  what="problem"
                  permission={itsmProblemUpdatePermission}
                />
              )}
              {canUpdate && (
                <>
                  <ProblemActions
                    problem={value}
                    busy={busy}
                    onUpdate={update}
                  />
                  <ProblemScopeControl
                    problem={value}
                    busy={busy}
                    onUpdate={update}
                  />
                </>
              )}
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
            <InfoCard title="Changes that fix it">
              <ProblemChanges
                problem={value}
                busy={busy}
                onChange={change =>
                  run(() =>
                    api.changeProblemChanges(value.id, {
                      ...change,
                      version: value.version,
                    }),
                  )
                }
                onRequested={() => problem.retry()}
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
              <ProblemTimeline problemId={value.id} reloadKey={eventsKey} />
            </InfoCard>
          </Grid>
        </Grid>
      )}
    </RecordPage>
  );
}
