import { ContentHeader, InfoCard } from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { ChangeCalendar } from './ChangeCalendar';
import { ChangeList } from './ChangeList';
import { RequestChangeButton } from './RequestChangeButton';

/** A service's (or the estate's) changes: calendar and list. */
export function ChangesView(props: { entityRef?: string }) {
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ContentHeader title="Changes">
          <RequestChangeButton
            entityRef={props.entityRef}
            onCreated={() => setReloadKey(k => k + 1)}
          />
        </ContentHeader>
        <ChangeList entityRef={props.entityRef} reloadKey={reloadKey} />
      </Grid>
      <Grid item xs={12}>
        <InfoCard title="Change calendar">
          <ChangeCalendar key={reloadKey} entityRef={props.entityRef} />
        </InfoCard>
      </Grid>
    </Grid>
  );
}
