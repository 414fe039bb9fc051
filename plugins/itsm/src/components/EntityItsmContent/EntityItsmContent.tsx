import { stringifyEntityRef } from '@backstage/catalog-model';
import { Content, ContentHeader } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { ReportIncidentDialog } from '../ReportIncidentDialog/ReportIncidentDialog';
import { EntitySlaCard } from '../sla/EntitySlaCard';

/** The ITSM tab of a service: its SLA and its full incident history. */
export function EntityItsmContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const [reporting, setReporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Content noPadding>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <EntitySlaCard />
        </Grid>
        <Grid item xs={12}>
          <ContentHeader title="Incident history">
            <Button
              variant="contained"
              color="primary"
              onClick={() => setReporting(true)}
            >
              Report incident
            </Button>
          </ContentHeader>
          <IncidentHistory entityRef={entityRef} reloadKey={reloadKey} />
        </Grid>
      </Grid>
      <ReportIncidentDialog
        open={reporting}
        entityRef={entityRef}
        onClose={() => setReporting(false)}
        onCreated={() => setReloadKey(k => k + 1)}
      />
    </Content>
  );
}
