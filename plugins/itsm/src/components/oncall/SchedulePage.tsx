import {
  Content,
  Header,
  InfoCard,
  Link,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  itsmOnCallManagePermission,
  OnCallOverride,
  OnCallShift,
  StoredOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { ReadOnlyFieldset } from '../common/ReadOnlyFieldset';
import { ReadOnlyNote } from '../common/ReadOnlyNote';
import { useAllowed } from '../common/useAllowed';
import { OnCallNowSummary } from './OnCallNowSummary';
import { OverrideDialog } from './OverrideDialog';
import { OverridesTable } from './OverridesTable';
import { ScheduleEditor } from './ScheduleEditor';
import { ShiftPreview } from './ShiftPreview';
import { useOnCallLinks } from './useOnCallLinks';
import { useNow } from './useRefreshAt';
import { useScheduleSave } from './useScheduleSave';
import { useSignedInUser } from './useSignedInUser';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

const HOUR = 3600_000;

/** Everything about one schedule; it is loaded, so nothing here is optional. */
function ScheduleDetails(props: {
  schedule: StoredOnCallSchedule;
  reload: () => void;
}) {
  const { schedule, reload } = props;
  const links = useOnCallLinks();
  const now = useNow();
  const me = useSignedInUser();
  const canManage = useAllowed(itsmOnCallManagePermission, schedule.ownerGroup);
  const { save, conflict, clearConflict } = useScheduleSave(schedule, reload);
  const [overrideDraft, setOverrideDraft] = useState<OnCallOverride>();
  const [removeError, setRemoveError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const saveAndTell = async (
    patch: Parameters<typeof save>[0],
    done: string,
  ) => {
    setNotice(undefined);
    const result = await save(patch);
    if (result.ok) setNotice(done);
    return result;
  };

  const takeOver = (shift: OnCallShift) =>
    setOverrideDraft({
      layer: shift.layer,
      user: me ?? '',
      from: new Date(Math.max(now, Date.parse(shift.from))).toISOString(),
      to: shift.to,
      reason: `Taking over from ${shift.user}`,
    });
  const addOverride = () =>
    setOverrideDraft({
      layer: schedule.layers[0]?.name ?? '',
      user: me ?? '',
      from: new Date(now + HOUR).toISOString(),
      to: new Date(now + 13 * HOUR).toISOString(),
    });
  const [removing, setRemoving] = useState(false);
  const removeOverride = async (index: number) => {
    setRemoveError(undefined);
    setRemoving(true);
    const result = await saveAndTell(
      { overrides: schedule.overrides.filter((_o, i) => i !== index) },
      'Override removed.',
    );
    setRemoving(false);
    if (!result.ok && !result.conflict) setRemoveError(result.message);
  };

  return (
    <Grid container spacing={3}>
      {conflict && (
        <Grid item xs={12}>
          <Alert
            severity="warning"
            action={
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  clearConflict();
                  reload();
                }}
              >
                Reload
              </Button>
            }
          >
            {conflict}
          </Alert>
        </Grid>
      )}
      {notice && (
        <Grid item xs={12}>
          <Alert severity="success" onClose={() => setNotice(undefined)}>
            {notice}
          </Alert>
        </Grid>
      )}
      <Grid item xs={12} md={5}>
        <InfoCard title="On call now">
          <OnCallNowSummary schedule={schedule} now={now} />
          <Box mt={2}>
            <Typography variant="body2" color="textSecondary">
              Owner:{' '}
              <EntityRefLink
                entityRef={schedule.ownerGroup}
                defaultKind="group"
              />{' '}
              · Timezone {schedule.timezone} ·{' '}
              <Link to={links.policy(schedule.ownerGroup)}>
                Escalation policy
              </Link>
            </Typography>
          </Box>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <InfoCard
          title="Overrides"
          action={
            canManage && (
              <Button
                color="primary"
                onClick={addOverride}
                disabled={schedule.layers.length === 0}
              >
                Add override
              </Button>
            )
          }
        >
          {removeError && (
            <Box mb={1}>
              <Alert severity="error">{removeError}</Alert>
            </Box>
          )}
          <OverridesTable
            overrides={schedule.overrides}
            busy={removing}
            onRemove={canManage ? removeOverride : undefined}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Upcoming shifts">
          <ShiftPreview
            schedule={schedule}
            now={now}
            onTakeOver={canManage ? takeOver : undefined}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Layers">
          {canManage === false && (
            <Box mb={2}>
              <ReadOnlyNote
                what="schedule"
                permission={itsmOnCallManagePermission}
              />
            </Box>
          )}
          <ReadOnlyFieldset readOnly={!canManage}>
            <ScheduleEditor
              schedule={schedule}
              onSave={draft => saveAndTell(draft, 'Schedule saved.')}
            />
          </ReadOnlyFieldset>
        </InfoCard>
      </Grid>
      <OverrideDialog
        schedule={schedule}
        initial={overrideDraft}
        onClose={() => setOverrideDraft(undefined)}
        onSave={overrides => saveAndTell({ overrides }, 'Override saved.')}
      />
    </Grid>
  );
}

/** One schedule: who is on call, overrides, the coming shifts, its layers. */
export function SchedulePage() {
  const { id = '' } = useParams();
  const api = useApi(itsmApiRef);
  const schedule = useAsyncRetry(() => api.getSchedule(id), [api, id]);

  let content;
  if (schedule.loading && !schedule.value) {
    content = <Progress />;
  } else if (schedule.error) {
    content = <ReadErrorPanel error={schedule.error} />;
  } else if (schedule.value) {
    content = (
      <ScheduleDetails schedule={schedule.value} reload={schedule.retry} />
    );
  }
  return (
    <Page themeId="tool">
      <Header
        title={schedule.value?.name ?? 'On-call schedule'}
        subtitle="On-call schedule"
      />
      <ItsmSectionTabs />
      <Content>{content}</Content>
    </Page>
  );
}
