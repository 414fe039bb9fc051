import { Link } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  OPEN_INCIDENT_STATUSES,
  PRIORITIES,
  ServicesOpenIncidents,
} from '@openitsm/backstage-plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { PriorityChip } from '../common/PriorityChip';
import { HomeCardBody } from './HomeCardBody';
import { useSignedInUser } from './useSignedInUser';

/** Rows the card shows: the services in the worst shape. */
export const MY_SERVICES_SHOWN = 8;
/** The most ownership refs sent (the API's limit). */
const MAX_OWNERS = 50;

function summaryText({ items, serviceCount }: ServicesOpenIncidents): string {
  if (serviceCount === 1) return "Your groups' one service has open incidents.";
  return `${items.length} of your groups' ${serviceCount} services ${
    items.length === 1 ? 'has' : 'have'
  } open incidents.`;
}

function emptyText(value: ServicesOpenIncidents): string {
  if (value.serviceCount === 0) return 'Your groups own no services.';
  return value.serviceCount === 1
    ? "Your group's service has no open incident."
    : `None of your groups' ${value.serviceCount} services has an open incident.`;
}

/**
 * The services owned by the signed-in user's groups (and by them) that have
 * open incidents, worst first, with their open incidents per priority.
 */
export function MyServicesContent() {
  const api = useApi(itsmApiRef);
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  const me = useSignedInUser();
  const owners = me.value?.ownershipEntityRefs.slice(0, MAX_OWNERS);
  const key = owners?.join(',');
  const services = useAsyncRetry(
    async () =>
      owners?.length ? api.listServicesOpenIncidents(owners) : undefined,
    [api, key],
  );
  const serviceLink = (entityRef: string) =>
    `${root || '/'}?${new URLSearchParams({
      service: entityRef,
      status: OPEN_INCIDENT_STATUSES.join(','),
    })}`;
  const state: {
    loading: boolean;
    error?: Error;
    value?: ServicesOpenIncidents;
  } =
    owners && !owners.length
      ? { loading: false, value: { items: [], serviceCount: 0 } }
      : { ...services, error: me.error ?? services.error };
  return (
    <HomeCardBody
      state={state}
      isEmpty={value => value.items.length === 0}
      empty={state.value ? emptyText(state.value) : ''}
    >
      {value => (
        <>
          <Typography variant="body2" color="textSecondary" gutterBottom>
            {summaryText(value)}
          </Typography>
          <ul
            aria-label="Services with open incidents"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {value.items.slice(0, MY_SERVICES_SHOWN).map(service => (
              <Box
                component="li"
                key={service.entityRef}
                display="flex"
                alignItems="center"
                flexWrap="wrap"
                mb={1}
                gridGap={6}
              >
                <Box flex="1 1 auto" minWidth={0}>
                  <Typography variant="body2" noWrap>
                    <EntityRefLink entityRef={service.entityRef}>
                      {service.title}
                    </EntityRefLink>
                  </Typography>
                </Box>
                {PRIORITIES.filter(p => service.openByPriority[p] > 0).map(
                  p => (
                    <Box key={p} display="flex" alignItems="center">
                      <Typography variant="body2">
                        {service.openByPriority[p]}×
                      </Typography>
                      <PriorityChip priority={p} />
                    </Box>
                  ),
                )}
                <Link
                  to={serviceLink(service.entityRef)}
                  aria-label={`Open incidents of ${service.title}`}
                >
                  <Typography variant="caption">
                    {service.openCount} open
                  </Typography>
                </Link>
              </Box>
            ))}
          </ul>
          {value.items.length > MY_SERVICES_SHOWN && (
            <Typography variant="caption" color="textSecondary">
              And {value.items.length - MY_SERVICES_SHOWN} more.
            </Typography>
          )}
        </>
      )}
    </HomeCardBody>
  );
}

/** The status page: every service's state. */
export function MyServicesActions() {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  return <Link to={`${root}/status`}>Status page</Link>;
}
