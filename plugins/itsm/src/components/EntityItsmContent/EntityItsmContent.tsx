import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content, ContentHeader } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { ReportIncidentButton } from '../ReportIncidentDialog/ReportIncidentButton';
import { EntitySlaCard } from '../sla/EntitySlaCard';
import { EntityOnCallCard } from '../oncall/EntityOnCallCard';
import { ChangesView } from '../changes/EntityChangesContent';

/** The ITSM tab of a service: its SLA, incident history and changes. */
export function EntityItsmContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12} lg={8}>
          <EntitySlaCard />
        </Grid>
        <Grid item xs={12} lg={4}>
          <EntityOnCallCard />
        </Grid>
        <Grid item xs={12}>
          <ContentHeader title="Incident history">
            <ReportIncidentButton
              entityRef={entityRef}
              onCreated={() => setReloadKey(k => k + 1)}
            />
          </ContentHeader>
          <IncidentHistory entityRef={entityRef} reloadKey={reloadKey} />
        </Grid>
        <Grid item xs={12}>
          <ChangesView entityRef={entityRef} />
        </Grid>
      </Grid>
    </Content>
  );
}
