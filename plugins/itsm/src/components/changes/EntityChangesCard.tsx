import { stringifyEntityRef } from '@backstage/catalog-model';
import { EmptyState, InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { Change } from '@openitsm/backstage-plugin-itsm-common';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { ChangeMetricsSummary } from './ChangeMetricsSummary';
import { DeployGateSummary } from './DeployGateSummary';
import { ChangeTable } from './ChangeTable';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

const RECENT_DAYS = 30;
const MINUTE = 60_000;

/** In progress, upcoming, recent (closed or cancelled). */
export function groupChanges(changes: Change[]) {
  const inProgress = changes.filter(c =>
    ['implement', 'review'].includes(c.status),
  );
  const upcoming = changes
    .filter(c => ['new', 'assess', 'authorize', 'scheduled'].includes(c.status))
    .reverse();
  const recent = changes.filter(c =>
    ['closed', 'cancelled'].includes(c.status),
  );
  return { inProgress, upcoming, recent };
}

/** A service's changes: what is running now, what is coming, how the last ones went. */
export function EntityChangesCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const result = useAsync(
    () =>
      api.listChanges({
        entityRef,
        // From a whole minute: views within a minute ask the same question,
        // which the backend answers from its response cache
        from: new Date(
          Math.floor((Date.now() - RECENT_DAYS * 86_400_000) / MINUTE) * MINUTE,
        ).toISOString(),
        limit: 100,
      }),
    [api, entityRef],
  );

  let content;
  if (result.loading) content = <Progress />;
  else if (result.error) content = <ReadErrorPanel error={result.error} />;
  else if (!result.value!.items.length) {
    content = (
      <EmptyState
        missing="data"
        title="No changes"
        description={`No change planned on this service in the last ${RECENT_DAYS} days or ahead.`}
      />
    );
  } else {
    const groups = groupChanges(result.value!.items);
    const section = (title: string, changes: Change[]) =>
      changes.length > 0 && (
        <>
          <Typography variant="subtitle2" style={{ marginTop: 8 }}>
            {title}
          </Typography>
          <ChangeTable changes={changes} aria-label={title} compact />
        </>
      );
    content = (
      <>
        {section('In progress', groups.inProgress)}
        {section('Upcoming', groups.upcoming)}
        {section('Recent', groups.recent)}
      </>
    );
  }
  return (
    <InfoCard title="Changes">
      <DeployGateSummary entityRef={entityRef} />
      <ChangeMetricsSummary entityRef={entityRef} />
      {content}
    </InfoCard>
  );
}
