import { stringifyEntityRef } from '@backstage/catalog-model';
import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatAge } from '../common/formatTime';
import { humanize } from '../common/humanize';
import { useIncidentLink } from '../common/useIncidentLink';

/**
 * A banner on a service's page while it has a major incident, with the
 * latest stakeholder update; a softer one while it depends on a service
 * that has one. Renders nothing otherwise (or when the status is unknown).
 */
export function EntityMajorIncidentBanner() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const api = useApi(itsmApiRef);
  const incidentLink = useIncidentLink();
  const status = useAsync(() => api.getStatus({ entityRef }), [api, entityRef]);
  const service = status.value?.services[0];
  if (!service) return null;

  if (service.state === 'major_outage') {
    const majors = service.incidents.filter(i => i.major);
    return (
      <Box mb={2}>
        {majors.map((incident, i) => (
          <Alert severity="error" key={incident.ref ?? i}>
            <AlertTitle>
              Major incident
              {incident.ref && (
                <>
                  {' '}
                  <Link to={incidentLink({ ref: incident.ref })}>
                    {incident.ref}
                  </Link>
                  : {incident.title}
                </>
              )}
            </AlertTitle>
            {incident.latestUpdate ? (
              <>
                <Typography variant="body2">
                  <strong>{humanize(incident.latestUpdate.stage)}</strong> (
                  {formatAge(incident.latestUpdate.at)} ago):{' '}
                  {incident.latestUpdate.message}
                </Typography>
                {incident.latestUpdate.impact && (
                  <Typography variant="body2">
                    Impact: {incident.latestUpdate.impact}
                  </Typography>
                )}
              </>
            ) : (
              <Typography variant="body2">
                No stakeholder update yet.
              </Typography>
            )}
          </Alert>
        ))}
      </Box>
    );
  }
  if (service.state === 'degraded') {
    return (
      <Box mb={2}>
        <Alert severity="warning">
          This service depends on{' '}
          {service.impactedBy.map((ref, i) => (
            <span key={ref}>
              {i ? ', ' : ''}
              <EntityRefLink entityRef={ref} />
            </span>
          ))}
          , which{' '}
          {service.impactedBy.length === 1
            ? 'has a major incident'
            : 'have major incidents'}
          : it may be degraded.
        </Alert>
      </Box>
    );
  }
  return null;
}
