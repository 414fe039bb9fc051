import { Link, StatusWarning } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { DateTime } from 'luxon';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { itsmApiRef } from '../../api';
import { rootRouteRef } from '../../routes';
import { RefLink } from '../common/RefLink';
import { useIncidentLink } from '../common/useIncidentLink';
import { HomeCardBody } from './HomeCardBody';
import { useSignedInUser } from './useSignedInUser';

/** Rows the card shows; the reviews page has them all. */
export const MY_ACTION_ITEMS_SHOWN = 6;

/** `2026-12-03` as `Dec 3` (with the year when it is not this one). */
function formatDueDate(day: string): string {
  const date = DateTime.fromISO(day);
  return date.toLocaleString(
    date.year === DateTime.now().year
      ? { month: 'short', day: 'numeric' }
      : DateTime.DATE_MED,
  );
}

function useReviewsLink() {
  return `${useRouteRef(rootRouteRef)().replace(/\/$/, '')}/reviews`;
}

/**
 * The signed-in user's open post-incident action items, overdue first then
 * by due date, each with its incident.
 */
export function MyActionItemsContent() {
  const api = useApi(itsmApiRef);
  const incidentLink = useIncidentLink();
  const reviewsLink = useReviewsLink();
  const me = useSignedInUser();
  const user = me.value?.userEntityRef;
  const items = useAsyncRetry(
    async () =>
      user
        ? api.listActionItems({
            owner: [user],
            status: ['open', 'in_progress'],
            limit: MY_ACTION_ITEMS_SHOWN,
          })
        : undefined,
    [api, user],
  );
  return (
    <HomeCardBody
      state={{ ...items, error: me.error ?? items.error }}
      isEmpty={page => page.items.length === 0}
      empty="You have no open action items."
    >
      {page => (
        <>
          <ul
            aria-label="My action items"
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {page.items.map(item => (
              <Box component="li" key={item.id} mb={1}>
                <Typography variant="body2" noWrap>
                  {item.ref} {item.title}
                </Typography>
                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="div"
                >
                  {item.overdue ? (
                    <StatusWarning>
                      Overdue (due {formatDueDate(item.dueDate)})
                    </StatusWarning>
                  ) : (
                    <>Due {formatDueDate(item.dueDate)}</>
                  )}
                  {item.incidentRef && (
                    <>
                      {' · '}
                      <RefLink to={incidentLink({ ref: item.incidentRef })}>
                        {item.incidentRef}
                      </RefLink>
                    </>
                  )}
                </Typography>
              </Box>
            ))}
          </ul>
          {page.nextCursor && (
            <Typography variant="caption">
              <Link to={reviewsLink}>More on the reviews page</Link>
            </Typography>
          )}
        </>
      )}
    </HomeCardBody>
  );
}

/** The reviews page, where every action item of the user is listed. */
export function MyActionItemsActions() {
  return <Link to={useReviewsLink()}>Reviews and action items</Link>;
}
