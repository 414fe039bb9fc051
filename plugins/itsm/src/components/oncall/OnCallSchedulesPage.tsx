import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { itsmOnCallManagePermission } from '@openitsm/backstage-plugin-itsm-common';
import { useAllowed } from '../common/useAllowed';
import { useCatalogRefs } from '../common/useCatalogRefs';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { CreateScheduleDialog } from './CreateScheduleDialog';
import { ScheduleTable } from './ScheduleTable';
import { useOnCallLinks } from './useOnCallLinks';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/** Every on-call schedule, filterable by owner group, and "New schedule". */
export function OnCallSchedulesPage() {
  const api = useApi(itsmApiRef);
  const groups = useCatalogRefs('group');
  const links = useOnCallLinks();
  const navigate = useNavigate();
  const [ownerGroup, setOwnerGroup] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  // With a group chosen, offered to those who may manage its on-call; the
  // dialog's own group choice is checked by the backend on save.
  const allowedForGroup = useAllowed(
    itsmOnCallManagePermission,
    ownerGroup ?? undefined,
  );
  const canCreate = ownerGroup ? allowedForGroup : true;
  const schedules = useAsyncRetry(
    () => api.listSchedules({ ownerGroup: ownerGroup ?? undefined }),
    [api, ownerGroup],
  );

  let body;
  if (schedules.loading && !schedules.value) {
    body = <Progress />;
  } else if (schedules.error) {
    body = <ReadErrorPanel error={schedules.error} />;
  } else if (schedules.value && schedules.value.items.length === 0) {
    body = (
      <EmptyState
        missing="data"
        title="No on-call schedules"
        description={
          ownerGroup
            ? `${ownerGroup} has no schedule yet.`
            : 'No group has an on-call schedule yet. Services are covered by their owner group’s schedule.'
        }
        action={
          canCreate ? (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setCreating(true)}
            >
              New schedule
            </Button>
          ) : undefined
        }
      />
    );
  } else if (schedules.value) {
    body = <ScheduleTable schedules={schedules.value.items} />;
  }

  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="On-call schedules and escalation" />
      <ItsmSectionTabs />
      <Content>
        <ContentHeader title="On-call schedules">
          {canCreate && (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setCreating(true)}
            >
              New schedule
            </Button>
          )}
        </ContentHeader>
        <Box mb={2} maxWidth={360}>
          <Autocomplete
            id="itsm-schedules-owner"
            options={groups.value ?? []}
            loading={groups.loading}
            value={ownerGroup}
            onChange={(_e, value) => setOwnerGroup(value)}
            renderInput={params => (
              <TextField {...params} label="Owner group" size="small" />
            )}
          />
        </Box>
        {body}
        <CreateScheduleDialog
          open={creating}
          ownerGroup={ownerGroup ?? undefined}
          onClose={() => setCreating(false)}
          onCreated={created => navigate(links.schedule(created.id))}
        />
      </Content>
    </Page>
  );
}
