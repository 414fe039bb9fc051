import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { OnCallNowSummary } from './OnCallNowSummary';
import { useOnCallLinks } from './useOnCallLinks';
import { useNow } from './useRefreshAt';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * A group's on-call at a glance: who is on call now on each layer of each
 * of its schedules, and links to the schedules and its escalation policy.
 */
export function EntityGroupOnCallCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const links = useOnCallLinks();
  const now = useNow();
  const schedules = useAsync(
    () => api.listSchedules({ ownerGroup: groupRef }),
    [api, groupRef],
  );

  let content;
  if (schedules.loading) {
    content = <Progress />;
  } else if (schedules.error) {
    content = <ReadErrorPanel error={schedules.error} />;
  } else if (schedules.value?.items.length === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        This group has no on-call schedule.{' '}
        <Link to={links.schedules}>Create one</Link>
      </Typography>
    );
  } else {
    content = schedules.value?.items.map(schedule => (
      <Box key={schedule.id} mb={1}>
        <Link to={links.schedule(schedule.id)}>{schedule.name}</Link>
        <OnCallNowSummary schedule={schedule} now={now} />
      </Box>
    ));
  }
  return (
    <InfoCard
      title="On call"
      deepLink={{ title: 'Escalation policy', link: links.policy(groupRef) }}
    >
      {content}
    </InfoCard>
  );
}
