import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { ANNOTATION_SLA_TIER } from '@openitsm/backstage-plugin-itsm-common';
import { useIncidentLink } from '../common/useIncidentLink';
import { ComplianceChart } from './ComplianceChart';
import { CompliancePriorityTable } from './CompliancePriorityTable';
import { ComplianceSummary } from './ComplianceSummary';
import { SlaBreachList } from './SlaBreachList';
import { useEntitySla } from './useEntitySla';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * "Are we inside our SLA?": compliance over the last 30 days, per month for
 * a year, per priority, and the recent breaches.
 */
export function EntitySlaCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const tier = entity.metadata.annotations?.[ANNOTATION_SLA_TIER];
  const sla = useEntitySla(entityRef);
  const incidentLink = useIncidentLink();

  let content;
  if (sla.loading && !sla.value) {
    content = <Progress />;
  } else if (sla.error) {
    content = <ReadErrorPanel error={sla.error} />;
  } else if (sla.value) {
    const { last30, byPriority, byMonth, breaches } = sla.value;
    const nothingDue =
      byMonth.response.met +
        byMonth.response.breached +
        byMonth.resolution.met +
        byMonth.resolution.breached ===
      0;
    content = nothingDue ? (
      <Typography variant="body2" color="textSecondary">
        No SLA target of this service fell due in the last 12 months.
      </Typography>
    ) : (
      <Grid container spacing={2}>
        <Grid item xs={12} xl={5}>
          <Typography variant="subtitle2">Last 30 days</Typography>
          <ComplianceSummary report={last30} />
          <Box mt={2}>
            <CompliancePriorityTable report={byPriority} />
          </Box>
        </Grid>
        <Grid item xs={12} xl={7}>
          <Typography variant="subtitle2">Last 12 months</Typography>
          <ComplianceChart report={byMonth} />
        </Grid>
        <Grid item xs={12}>
          <Typography variant="subtitle2">Recent breaches</Typography>
          <SlaBreachList incidents={breaches} incidentLink={incidentLink} />
        </Grid>
      </Grid>
    );
  }
  return (
    <InfoCard
      title="SLA compliance"
      subheader={`Policy: ${
        tier ?? 'default'
      } · met / (met + breached) of targets due in the period`}
    >
      {content}
    </InfoCard>
  );
}
