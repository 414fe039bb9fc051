import {
  Content,
  EmptyState,
  Header,
  InfoCard,
  Page as BackstagePage,
  Progress,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { itsmOnCallManagePermission } from '@openitsm/backstage-plugin-itsm-common';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { ReadOnlyFieldset } from '../common/ReadOnlyFieldset';
import { ReadOnlyNote } from '../common/ReadOnlyNote';
import { useAllowed } from '../common/useAllowed';
import { EscalationPolicyEditor } from './EscalationPolicyEditor';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/** A group's escalation policy, or an offer to create one (404). */
export function EscalationPolicyPage() {
  const { namespace = 'default', name = '' } = useParams();
  const groupRef = `group:${namespace}/${name}`.toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const [creating, setCreating] = useState(false);
  const [saved, setSaved] = useState(false);
  const canManage = useAllowed(itsmOnCallManagePermission, groupRef);
  const loaded = useAsyncRetry(async () => {
    const [policy, schedules] = await Promise.all([
      api.getEscalationPolicy(groupRef).catch(e => {
        if (e instanceof ResponseError && e.statusCode === 404) {
          return undefined;
        }
        throw e;
      }),
      api.listSchedules(),
    ]);
    const items = schedules.items;
    return {
      policy,
      // The group's own schedules first: those are the likely targets
      schedules: [
        ...items.filter(s => s.ownerGroup === groupRef),
        ...items.filter(s => s.ownerGroup !== groupRef),
      ],
    };
  }, [api, groupRef]);
  const reload = () => {
    setSaved(false);
    loaded.retry();
  };

  let content;
  if (loaded.loading && !loaded.value) {
    content = <Progress />;
  } else if (loaded.error) {
    content = <ReadErrorPanel error={loaded.error} />;
  } else if (loaded.value && !loaded.value.policy && !creating) {
    content = (
      <EmptyState
        missing="data"
        title="No escalation policy"
        description="Unacknowledged incidents of this group are not escalated. A policy pages its levels in turn, each after its delay."
        action={
          canManage ? (
            <Button
              variant="contained"
              color="primary"
              onClick={() => setCreating(true)}
            >
              Create policy
            </Button>
          ) : undefined
        }
      />
    );
  } else if (loaded.value) {
    content = (
      <InfoCard title="Escalation levels">
        {saved && (
          <Box mb={2}>
            <Alert severity="success" onClose={() => setSaved(false)}>
              Escalation policy saved.
            </Alert>
          </Box>
        )}
        {canManage === false && (
          <Box mb={2}>
            <ReadOnlyNote
              what="policy"
              permission={itsmOnCallManagePermission}
            />
          </Box>
        )}
        <ReadOnlyFieldset readOnly={!canManage}>
          <EscalationPolicyEditor
            // A new version from the server restarts the editor from it
            key={loaded.value.policy?.version ?? 0}
            groupRef={groupRef}
            policy={loaded.value.policy}
            schedules={loaded.value.schedules}
            onSaved={() => {
              loaded.retry();
              setSaved(true);
            }}
            onReload={reload}
          />
        </ReadOnlyFieldset>
      </InfoCard>
    );
  }

  return <PolicyPageFrame groupRef={groupRef}>{content}</PolicyPageFrame>;
}

function PolicyPageFrame(props: { groupRef: string; children: ReactNode }) {
  return (
    <BackstagePage themeId="tool">
      <Header title="Escalation policy" subtitle={props.groupRef} />
      <ItsmSectionTabs />
      <Content>
        <Typography variant="body2" color="textSecondary" paragraph>
          Group:{' '}
          <EntityRefLink entityRef={props.groupRef} defaultKind="group" />
        </Typography>
        {props.children}
      </Content>
    </BackstagePage>
  );
}
