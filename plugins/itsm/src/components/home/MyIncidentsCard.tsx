import {
  Link,
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  Incident,
  OPEN_INCIDENT_STATUSES,
  PRIORITIES,
} from '@openitsm/backstage-plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { PriorityChip } from '../common/PriorityChip';
import { RefLink } from '../common/RefLink';
import { useIncidentLink } from '../common/useIncidentLink';
import { HomeCardBody } from './HomeCardBody';
import { SlaHint, slaHint } from './slaHint';
import { useSignedInUser } from './useSignedInUser';

/** Rows the card shows; the rest are one click away on /itsm. */
export const MY_INCIDENTS_SHOWN = 6;
/** What is read to sort by priority (nobody works on more at once). */
const MY_INCIDENTS_READ = 200;

const HINT_ICONS = {
  error: StatusError,
  warning: StatusWarning,
  ok: StatusOK,
  paused: StatusPending,
};

/** Most urgent first: priority, then the clock that runs out first. */
export function byUrgency(now: number) {
  const dueOf = (i: Incident) => {
    const due = slaHint(i, now)?.dueAt;
    return due ? Date.parse(due) : Infinity;
  };
  return (a: Incident, b: Incident) =>
    PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) ||
    dueOf(a) - dueOf(b) ||
    a.ref.localeCompare(b.ref);
}

// Backstage's status labels at caption size, under the incident's title
const useHintStyles = makeStyles(theme => ({
  hint: {
    '& > span': {
      fontSize: theme.typography.caption.fontSize,
      fontWeight: theme.typography.fontWeightRegular,
    },
  },
}));

function Hint(props: { hint?: SlaHint }) {
  const classes = useHintStyles();
  if (!props.hint) return null;
  const Icon = HINT_ICONS[props.hint.level];
  return (
    <div className={classes.hint}>
      <Icon>{props.hint.text}</Icon>
    </div>
  );
}

/** `/itsm` filtered to the user's open incidents. */
function useMyIncidentsLink(user?: string) {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  const params = new URLSearchParams({
    status: OPEN_INCIDENT_STATUSES.join(','),
  });
  if (user) params.set('assignee', user);
  return `${root || '/'}?${params}`;
}

/**
 * The open incidents assigned to the signed-in user, most urgent first,
 * each with where its SLA stands.
 */
export function MyIncidentsContent() {
  const api = useApi(itsmApiRef);
  const incidentLink = useIncidentLink();
  const me = useSignedInUser();
  const user = me.value?.userEntityRef;
  const allLink = useMyIncidentsLink(user);
  const incidents = useAsyncRetry(
    async () =>
      user
        ? api.listIncidents({
            assignee: user,
            status: [...OPEN_INCIDENT_STATUSES],
            limit: MY_INCIDENTS_READ,
          })
        : undefined,
    [api, user],
  );
  const now = Date.now();
  return (
    <HomeCardBody
      state={{ ...incidents, error: me.error ?? incidents.error }}
      isEmpty={page => page.items.length === 0}
      empty="No open incidents are assigned to you."
    >
      {page => {
        const sorted = [...page.items].sort(byUrgency(now));
        const more = sorted.length - MY_INCIDENTS_SHOWN;
        return (
          <>
            <ul
              aria-label="My open incidents"
              style={{ listStyle: 'none', margin: 0, padding: 0 }}
            >
              {sorted.slice(0, MY_INCIDENTS_SHOWN).map(incident => (
                <Box component="li" key={incident.id} display="flex" mb={1}>
                  <Box mr={1}>
                    <PriorityChip priority={incident.priority} />
                  </Box>
                  <Box minWidth={0}>
                    <Typography variant="body2" noWrap>
                      <RefLink to={incidentLink(incident)}>
                        {incident.ref}
                      </RefLink>{' '}
                      {incident.title}
                    </Typography>
                    <Hint hint={slaHint(incident, now)} />
                  </Box>
                </Box>
              ))}
            </ul>
            {(more > 0 || page.nextCursor) && (
              <Typography variant="caption">
                <Link to={allLink}>
                  {page.nextCursor ? 'More' : `${more} more`} on the incident
                  list
                </Link>
              </Typography>
            )}
          </>
        );
      }}
    </HomeCardBody>
  );
}

/** The user's open incidents on the incident list. */
export function MyIncidentsActions() {
  const me = useSignedInUser();
  return (
    <Link to={useMyIncidentsLink(me.value?.userEntityRef)}>
      All my incidents
    </Link>
  );
}
