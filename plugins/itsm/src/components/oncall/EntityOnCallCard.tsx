import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { ANNOTATION_ONCALL_SCHEDULE } from '@openitsm/backstage-plugin-itsm-common';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { OnCallLevels } from './OnCallLevels';
import { OnCallSource } from './OnCallSource';
import { useOnCallLinks } from './useOnCallLinks';
import { useNow, useRefreshAt } from './useRefreshAt';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * "Who is on call for this service?": each escalation level's person now,
 * until when, who is next, and how to reach them. Refreshes itself when the
 * current shift ends.
 */
export function EntityOnCallCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const links = useOnCallLinks();
  const now = useNow();
  const onCall = useAsyncRetry(
    () => api.getOnCall(entityRef),
    [api, entityRef],
  );
  const handoffs = useMemo(
    () => (onCall.value?.levels ?? []).flatMap(l => [l.until, l.next?.from]),
    [onCall.value],
  );
  useRefreshAt(handoffs, onCall.retry);

  let content;
  if (onCall.loading && !onCall.value) {
    content = <Progress />;
  } else if (onCall.error) {
    content = <ReadErrorPanel error={onCall.error} />;
  } else if (onCall.value && onCall.value.levels.length === 0) {
    content = (
      <>
        <Typography variant="body1">
          No on-call schedule covers this service.
        </Typography>
        <Typography variant="body2" color="textSecondary">
          Add a schedule for its owner group, or name a schedule in the{' '}
          <code>{ANNOTATION_ONCALL_SCHEDULE}</code> annotation.{' '}
          <Link to={links.schedules}>Manage on-call schedules</Link>
        </Typography>
      </>
    );
  } else if (onCall.value) {
    content = <OnCallLevels levels={onCall.value.levels} now={now} />;
  }

  const value = onCall.value;
  return (
    <InfoCard
      title="On call"
      subheader={
        value && (value.ownerGroup || value.levels.length > 0) ? (
          <Typography variant="body2" color="textSecondary" component="span">
            {value.ownerGroup && (
              <>
                Owner:{' '}
                <EntityRefLink
                  entityRef={value.ownerGroup}
                  defaultKind="group"
                />
                {value.levels.length > 0 && ' · '}
              </>
            )}
            {value.levels.length > 0 && <OnCallSource onCall={value} />}
          </Typography>
        ) : undefined
      }
    >
      {content}
    </InfoCard>
  );
}
