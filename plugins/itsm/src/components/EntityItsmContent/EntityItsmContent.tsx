import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content, ContentHeader } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { useState } from 'react';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { EntityProblems } from '../problems/EntityProblems';
import { ReportIncidentButton } from '../ReportIncidentDialog/ReportIncidentButton';
import { EntitySlaCard } from '../sla/EntitySlaCard';
import { EntityOnCallCard } from '../oncall/EntityOnCallCard';
import { ChangesView } from '../changes/EntityChangesContent';
import { EntityReviews } from '../reviews/EntityReviews';
import { KpiStrip } from '../reports/KpiStrip';
import { InfoCard } from '@backstage/core-components';

/**
 * The ITSM tab of a service: its SLA and incident history; its problems,
 * proposals and workarounds; its changes (list and calendar).
 */
export function EntityItsmContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const [reloadKey, setReloadKey] = useState(0);
  const [view, setView] = useState<
    'incidents' | 'problems' | 'changes' | 'reviews'
  >('incidents');
  return (
    <Content noPadding>
      <Box mb={2}>
        <Tabs
          value={view}
          onChange={(_e, v) => setView(v)}
          indicatorColor="primary"
          aria-label="ITSM views"
        >
          <Tab value="incidents" label="Incidents" />
          <Tab value="problems" label="Problems" />
          <Tab value="changes" label="Changes" />
          <Tab value="reviews" label="Reviews" />
        </Tabs>
      </Box>
      {view === 'incidents' ? (
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <InfoCard title="Incident KPIs" subheader="Last 30 days">
              <KpiStrip entityRef={entityRef} />
            </InfoCard>
          </Grid>
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
            <IncidentHistory
              entityRef={entityRef}
              reloadKey={reloadKey}
              selectable
            />
          </Grid>
        </Grid>
      ) : null}
      {view === 'problems' && <EntityProblems entityRef={entityRef} />}
      {view === 'changes' && <ChangesView entityRef={entityRef} />}
      {view === 'reviews' && <EntityReviews entityRef={entityRef} />}
    </Content>
  );
}
