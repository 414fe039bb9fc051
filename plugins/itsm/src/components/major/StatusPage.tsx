import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Grid from '@material-ui/core/Grid';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ServiceStatus,
  StatusIncident,
  StatusResponse,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import useInterval from 'react-use/esm/useInterval';
import { itsmApiRef } from '../../api';
import { formatAge } from '../common/formatTime';
import { humanize } from '../common/humanize';
import { PriorityChip } from '../common/PriorityChip';
import { useIncidentLink } from '../common/useIncidentLink';
import { Link } from '@backstage/core-components';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { ServiceStateLabel } from './ServiceStateLabel';

const REFRESH_MS = 60_000;
/** Open incidents shown per service; major ones come first. */
const INCIDENTS_SHOWN = 3;

/**
 * The status page: every system and service, those with an incident first
 * (major ones first) with their latest stakeholder update, then those that
 * depend on one with a major incident, then the ones operating normally.
 */
export function StatusPage() {
  const api = useApi(itsmApiRef);
  const status = useAsyncRetry(() => api.getStatus(), [api]);
  useInterval(() => status.retry(), REFRESH_MS);
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Service status" />
      <ItsmSectionTabs />
      <Content>
        <ContentHeader title="Status">
          <Button variant="outlined" onClick={() => status.retry()}>
            Refresh
          </Button>
        </ContentHeader>
        {status.loading && !status.value && <Progress />}
        {status.error && <ResponseErrorPanel error={status.error} />}
        {status.value && <StatusBoardView status={status.value} />}
      </Content>
    </Page>
  );
}

function StatusBoardView(props: { status: StatusResponse }) {
  const { status } = props;
  const [showAll, setShowAll] = useState(false);
  const affected = status.services.filter(s => s.state !== 'operational');
  const operational = status.services.filter(s => s.state === 'operational');
  if (!status.services.length) {
    return (
      <EmptyState
        missing="data"
        title="No services"
        description="The catalog lists no services yet."
      />
    );
  }
  const majors = affected.filter(s => s.state === 'major_outage').length;
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {affected.length === 0 ? (
          <Alert severity="success">
            All {status.services.length} services are operating normally.
          </Alert>
        ) : (
          <Alert severity={majors ? 'error' : 'warning'}>
            {majors
              ? `${majors} service${
                  majors === 1 ? '' : 's'
                } with a major incident; `
              : ''}
            {affected.length} of {status.services.length} services are affected
            or possibly degraded.
          </Alert>
        )}
      </Grid>
      {status.systems.length > 0 && (
        <Grid item xs={12}>
          <Typography variant="h6" gutterBottom>
            Systems
          </Typography>
          <Grid container spacing={2}>
            {status.systems.map(system => (
              <Grid item xs={12} sm={6} md={4} lg={3} key={system.entityRef}>
                <Card variant="outlined">
                  <CardContent>
                    <Typography variant="subtitle1">
                      <EntityRefLink
                        entityRef={system.entityRef}
                        title={system.title}
                      />
                    </Typography>
                    <ServiceStateLabel state={system.state} />
                    <Typography variant="body2" color="textSecondary">
                      {system.affectedCount} of {system.serviceCount} services
                      affected
                    </Typography>
                  </CardContent>
                </Card>
              </Grid>
            ))}
          </Grid>
        </Grid>
      )}
      {affected.length > 0 && (
        <Grid item xs={12}>
          <Typography variant="h6" gutterBottom>
            Affected services
          </Typography>
          <ServiceTable services={affected} />
        </Grid>
      )}
      <Grid item xs={12}>
        <Box display="flex" alignItems="center" gridGap={16}>
          <Typography variant="h6">
            Operating normally ({operational.length})
          </Typography>
          {operational.length > 0 && (
            <Button size="small" onClick={() => setShowAll(v => !v)}>
              {showAll ? 'Hide' : 'Show all'}
            </Button>
          )}
        </Box>
        {showAll ? (
          <ServiceTable services={operational} />
        ) : (
          <Typography variant="body2" color="textSecondary">
            {operational
              .slice(0, 12)
              .map(s => s.title)
              .join(', ')}
            {operational.length > 12 ? ', …' : ''}
          </Typography>
        )}
      </Grid>
    </Grid>
  );
}

function ServiceTable(props: { services: ServiceStatus[] }) {
  return (
    <Table size="small" aria-label="Services">
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>State</TableCell>
          <TableCell>Current incident and latest update</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.services.map(s => (
          <TableRow key={s.entityRef}>
            <TableCell style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
              <EntityRefLink entityRef={s.entityRef} title={s.title} />
              {s.system && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {s.system.replace(/^system:default\//, '')}
                </Typography>
              )}
            </TableCell>
            <TableCell style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
              <ServiceStateLabel state={s.state} />
            </TableCell>
            <TableCell>
              {s.impactedBy.length > 0 && (
                <Typography variant="body2" color="textSecondary" paragraph>
                  Depends on{' '}
                  {s.impactedBy.map((ref, i) => (
                    <span key={ref}>
                      {i ? ', ' : ''}
                      <EntityRefLink entityRef={ref} />
                    </span>
                  ))}
                  , which{' '}
                  {s.impactedBy.length === 1
                    ? 'has a major incident'
                    : 'have major incidents'}
                  .
                </Typography>
              )}
              {s.incidents.slice(0, INCIDENTS_SHOWN).map((incident, i) => (
                <IncidentLine key={incident.ref ?? i} incident={incident} />
              ))}
              {s.incidents.length > INCIDENTS_SHOWN && (
                <Typography variant="caption" color="textSecondary">
                  and {s.incidents.length - INCIDENTS_SHOWN} more open incident
                  {s.incidents.length - INCIDENTS_SHOWN === 1 ? '' : 's'}
                </Typography>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function IncidentLine(props: { incident: StatusIncident }) {
  const { incident } = props;
  const incidentLink = useIncidentLink();
  return (
    <Box mb={1}>
      <Box display="flex" alignItems="center" gridGap={8}>
        <PriorityChip priority={incident.priority} />
        {incident.ref ? (
          <Link to={incidentLink({ ref: incident.ref })}>
            {incident.ref}: {incident.title}
          </Link>
        ) : (
          <Typography variant="body2">An incident</Typography>
        )}
        <Typography variant="caption" color="textSecondary">
          {humanize(incident.status)} · {formatAge(incident.detectedAt)}
        </Typography>
      </Box>
      {incident.latestUpdate && (
        <Typography variant="body2">
          <strong>{humanize(incident.latestUpdate.stage)}</strong> (
          {formatAge(incident.latestUpdate.at)} ago):{' '}
          {incident.latestUpdate.message}
        </Typography>
      )}
      {!incident.latestUpdate && incident.major && (
        <Typography variant="body2" color="textSecondary">
          No stakeholder update yet.
        </Typography>
      )}
    </Box>
  );
}
