import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { AlertTable } from './AlertTable';

/** Sources whose incidents are opened from alerts. */
const ALERT_SOURCES = new Set([
  'alertmanager',
  'pagerduty',
  'grafana',
  'generic',
]);

/** On an incident opened by monitoring: the alerts that opened and joined it. */
export function IncidentAlerts(props: {
  incident: Incident;
  reloadKey?: number;
}) {
  const { incident } = props;
  const api = useApi(itsmApiRef);
  const fromAlerts = ALERT_SOURCES.has(incident.source);
  const result = useAsyncRetry(
    async () =>
      fromAlerts
        ? api.listAlerts({ incidentId: incident.id, limit: 100 })
        : undefined,
    [api, incident.id, fromAlerts, props.reloadKey],
  );
  if (!fromAlerts) return null;
  let body;
  if (result.loading && !result.value) body = <Progress />;
  else if (result.error) body = <ResponseErrorPanel error={result.error} />;
  else if (!result.value?.items.length) {
    body = (
      <Typography variant="body2" color="textSecondary">
        No alert is linked to this incident any more.
      </Typography>
    );
  } else body = <AlertTable alerts={result.value.items} />;
  return <InfoCard title={`Alerts (${incident.source})`}>{body}</InfoCard>;
}
