import { useApi } from '@backstage/core-plugin-api';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

/**
 * A service's change failure rate and share of incidents caused by
 * changes over the last 90 days (the metrics endpoint's default period).
 */
export function ChangeMetricsSummary(props: { entityRef: string }) {
  const api = useApi(itsmApiRef);
  const metrics = useAsync(
    () => api.getChangeMetrics({ entityRef: props.entityRef }),
    [api, props.entityRef],
  );
  if (metrics.loading) return null;
  if (metrics.error) {
    return (
      <Typography variant="body2" color="error">
        Change metrics unavailable: {errorMessage(metrics.error)}
      </Typography>
    );
  }
  const row = metrics.value?.services.find(
    s => s.entityRef === props.entityRef,
  );
  const failure =
    row?.changeFailureRate === null || row?.changeFailureRate === undefined
      ? 'no change closed'
      : `${percent(row.changeFailureRate)} (${row.changesFailed} of ${
          row.changesClosed
        } failed or rolled back)`;
  const caused =
    row?.causedByChangeShare === null || row?.causedByChangeShare === undefined
      ? 'no incident'
      : `${percent(row.causedByChangeShare)} (${
          row.incidentsCausedByChanges
        } of ${row.incidents})`;
  return (
    <Typography variant="body2" color="textSecondary">
      Last 90 days — change failure rate: {failure}; incidents caused by
      changes: {caused}.
    </Typography>
  );
}
