import { stringifyEntityRef } from '@backstage/catalog-model';
import { RefLink } from '../common/RefLink';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { PRIORITIES } from '@openitsm/backstage-plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { formatAge } from '../common/formatTime';
import { NO_WRAP } from '../common/noWrap';
import { PriorityChip } from '../common/PriorityChip';
import { IncidentStatusLabel } from '../common/IncidentStatusLabel';
import { useIncidentLink } from '../common/useIncidentLink';
import { ReportIncidentButton } from '../ReportIncidentDialog/ReportIncidentButton';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

/**
 * The service's open incidents, on its Overview tab: "is my service on fire?"
 */
export function EntityItsmCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const incidentLink = useIncidentLink();
  const summary = useAsyncRetry(
    () => api.getEntitySummary(entityRef),
    [api, entityRef],
  );

  const action = (
    <ReportIncidentButton
      entityRef={entityRef}
      variant="outlined"
      size="small"
      onCreated={() => summary.retry()}
    />
  );

  let content;
  if (summary.loading && !summary.value) {
    content = <Progress />;
  } else if (summary.error) {
    content = <ReadErrorPanel error={summary.error} />;
  } else if (summary.value && summary.value.openCount === 0) {
    content = (
      <Typography variant="body2" color="textSecondary">
        No open incidents. {summary.value.incidentsLast30Days} in the last 30
        days.
      </Typography>
    );
  } else if (summary.value) {
    const { openIncidents, openByPriority, openCount } = summary.value;
    content = (
      <>
        <Box display="flex" gridGap={8} mb={1} alignItems="center">
          <Typography variant="body2">
            {openCount} open incident{openCount === 1 ? '' : 's'}:
          </Typography>
          {PRIORITIES.filter(p => openByPriority[p] > 0).map(p => (
            <Typography key={p} variant="body2" color="textSecondary">
              {openByPriority[p]}×{p}
            </Typography>
          ))}
        </Box>
        <Table size="small" aria-label="Open incidents">
          <TableHead>
            <TableRow>
              <TableCell>Ref</TableCell>
              <TableCell>Title</TableCell>
              <TableCell>Priority</TableCell>
              <TableCell>Status</TableCell>
              <TableCell align="right" style={NO_WRAP}>
                Age
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {openIncidents.map(incident => (
              <TableRow key={incident.id}>
                <TableCell>
                  <RefLink to={incidentLink(incident)}>{incident.ref}</RefLink>
                </TableCell>
                <TableCell>{incident.title}</TableCell>
                <TableCell>
                  <PriorityChip priority={incident.priority} />
                </TableCell>
                <TableCell>
                  <IncidentStatusLabel status={incident.status} />
                </TableCell>
                <TableCell align="right" style={NO_WRAP}>
                  {formatAge(incident.detectedAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {openCount > openIncidents.length && (
          <Typography variant="caption" color="textSecondary">
            Showing the {openIncidents.length} most urgent of {openCount}.
          </Typography>
        )}
      </>
    );
  }

  return (
    <InfoCard
      title="Incidents"
      subheader="Open incidents of this service"
      action={action}
    >
      {content}
    </InfoCard>
  );
}
