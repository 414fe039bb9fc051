import { Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { UserOnCallShift } from '@openitsm/backstage-plugin-itsm-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { ShiftTime } from '../oncall/ShiftTime';
import { useOnCallLinks } from '../oncall/useOnCallLinks';
import { useRefreshAt } from '../oncall/useRefreshAt';
import { HomeCardBody } from './HomeCardBody';
import { useSignedInUser } from './useSignedInUser';

/** How far ahead the card looks for the next shift. */
export const LOOKAHEAD_DAYS = 14;

function ShiftLine(props: {
  shift: UserOnCallShift;
  /** The end of the window asked about: a shift ending there goes on. */
  windowEnd: string;
  now: boolean;
}) {
  const { shift } = props;
  const links = useOnCallLinks();
  const openEnded = Date.parse(shift.to) >= Date.parse(props.windowEnd);
  return (
    <Box mb={1}>
      <Typography variant="body2">
        <Link to={links.schedule(shift.scheduleId)}>{shift.scheduleName}</Link>{' '}
        ({shift.layer}
        {shift.source === 'override' ? ', override' : ''}) for{' '}
        <EntityRefLink entityRef={shift.ownerGroup} defaultKind="group" />
      </Typography>
      <Typography variant="caption" color="textSecondary" component="div">
        {props.now ? (
          <>
            {openEnded ? 'Beyond ' : 'Until '}
            <ShiftTime iso={shift.to} />
          </>
        ) : (
          <>
            From <ShiftTime iso={shift.from} />
            {!openEnded && (
              <>
                {' '}
                to <ShiftTime iso={shift.to} />
              </>
            )}
          </>
        )}
      </Typography>
    </Box>
  );
}

/**
 * The signed-in user's on-call duty: the shifts they are on now (schedule,
 * layer, team, until when) and their next one, from the built-in schedules.
 */
export function MyOnCallContent() {
  const api = useApi(itsmApiRef);
  const me = useSignedInUser();
  const user = me.value?.userEntityRef;
  const shifts = useAsyncRetry(async () => {
    if (!user) return undefined;
    const from = new Date();
    const to = new Date(from.getTime() + LOOKAHEAD_DAYS * 24 * 3600_000);
    return api.listUserOnCallShifts(user, {
      from: from.toISOString(),
      to: to.toISOString(),
    });
  }, [api, user]);
  // Move on by itself when a shift ends or the next one starts
  const now = Date.now();
  const current =
    shifts.value?.items.filter(s => Date.parse(s.from) <= now) ?? [];
  const next = shifts.value?.items.find(s => Date.parse(s.from) > now);
  useRefreshAt([...current.map(s => s.to), next?.from], shifts.retry);

  return (
    <HomeCardBody
      state={{ ...shifts, error: me.error ?? shifts.error }}
      isEmpty={value => value.items.length === 0}
      empty={`You are not on call in the next ${LOOKAHEAD_DAYS} days.`}
    >
      {value => (
        <>
          <Typography variant="overline" component="h3">
            On call now
          </Typography>
          {current.length ? (
            current.map(shift => (
              <ShiftLine
                key={`${shift.scheduleId}/${shift.layer}`}
                shift={shift}
                windowEnd={value.to}
                now
              />
            ))
          ) : (
            <Typography variant="body2" color="textSecondary">
              You are not on call right now.
            </Typography>
          )}
          {next && (
            <>
              <Typography variant="overline" component="h3">
                Next shift
              </Typography>
              <ShiftLine shift={next} windowEnd={value.to} now={false} />
            </>
          )}
        </>
      )}
    </HomeCardBody>
  );
}

/** A link to every schedule. */
export function MyOnCallActions() {
  const links = useOnCallLinks();
  return <Link to={links.schedules}>All schedules</Link>;
}
