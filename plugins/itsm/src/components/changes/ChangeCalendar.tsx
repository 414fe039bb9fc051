import { Link, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import WarningIcon from '@material-ui/icons/Warning';
import {
  Change,
  isOpenChangeStatus,
  overlappingChangeIds,
} from '@openitsm/backstage-plugin-itsm-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { calendarDays, calendarRange, CalendarView } from './calendarDays';
import { useChangeLink } from './useChangeLink';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

const useStyles = makeStyles(theme => ({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(7, minmax(0, 1fr))',
    gap: 1,
    background: theme.palette.divider,
    border: `1px solid ${theme.palette.divider}`,
  },
  day: {
    background: theme.palette.background.paper,
    minHeight: 96,
    padding: theme.spacing(0.5),
    overflow: 'hidden',
  },
  outside: { opacity: 0.5 },
  frozen: {
    background: `repeating-linear-gradient(45deg, ${theme.palette.action.hover}, ${theme.palette.action.hover} 6px, ${theme.palette.action.selected} 6px, ${theme.palette.action.selected} 12px)`,
  },
  weekday: { padding: theme.spacing(0.5), fontWeight: 'bold' },
  change: {
    display: 'block',
    fontSize: '0.75rem',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  failed: { color: theme.palette.error.main },
  warning: {
    fontSize: '0.9rem',
    verticalAlign: 'text-bottom',
    color: theme.palette.warning.main,
  },
}));

/** Open changes overlapping another open change on one of its services. */
function overlapsOf(changes: Change[]): Set<string> {
  return overlappingChangeIds(
    changes
      .filter(c => isOpenChangeStatus(c.status))
      .map(c => ({
        ...c,
        services: c.affectedServices,
        start: c.plannedStart,
        end: c.plannedEnd,
      })),
  );
}

const MAX_CHANGES = 500;

/**
 * Planned change windows by month or week; days in a freeze are shaded.
 * One service's changes when `entityRef` is given, the estate's otherwise.
 */
export function ChangeCalendar(props: { entityRef?: string }) {
  const classes = useStyles();
  const api = useApi(itsmApiRef);
  const changeLink = useChangeLink();
  const [view, setView] = useState<CalendarView>('month');
  const [anchor, setAnchor] = useState(() => DateTime.local().startOf('day'));
  const { start, end } = calendarRange(view, anchor);

  const data = useAsync(async () => {
    const [page, freezes] = await Promise.all([
      api.listChanges({
        entityRef: props.entityRef,
        from: start.toUTC().toISO()!,
        to: end.toUTC().toISO()!,
        limit: MAX_CHANGES,
      }),
      api.listChangeFreezes(),
    ]);
    return { page, freezes };
  }, [api, props.entityRef, start.toMillis(), end.toMillis()]);

  const step = view === 'month' ? { months: 1 } : { weeks: 1 };
  const title =
    view === 'month'
      ? anchor.toFormat('LLLL yyyy')
      : `Week of ${start.toLocaleString(DateTime.DATE_MED)}`;

  let body;
  if (data.loading && !data.value) {
    body = <Progress />;
  } else if (data.error) {
    body = <ReadErrorPanel error={data.error} />;
  } else if (data.value) {
    const overlapping = overlapsOf(data.value.page.items);
    const days = calendarDays(
      view,
      anchor,
      data.value.page.items,
      data.value.freezes,
      props.entityRef,
    );
    body = (
      <>
        {data.value.page.nextCursor && (
          <Alert severity="info">
            Showing the first {MAX_CHANGES} changes of this period.
          </Alert>
        )}
        <div className={classes.grid} role="grid" aria-label={title}>
          {days.slice(0, 7).map(day => (
            <Typography
              key={`h-${day.date.toISODate()}`}
              variant="caption"
              className={`${classes.day} ${classes.weekday}`}
              role="columnheader"
              style={{ minHeight: 0 }}
            >
              {day.date.toFormat('ccc')}
            </Typography>
          ))}
          {days.map(day => {
            const freezeNames = day.freezes.map(f => f.name).join(', ');
            return (
              <div
                key={day.date.toISODate()}
                role="gridcell"
                aria-label={day.date.toLocaleString(DateTime.DATE_HUGE)}
                title={freezeNames ? `Freeze: ${freezeNames}` : undefined}
                className={[
                  classes.day,
                  day.inPeriod ? '' : classes.outside,
                  day.freezes.length ? classes.frozen : '',
                ].join(' ')}
              >
                <Typography variant="caption" component="div">
                  {day.date.day}
                  {freezeNames && ` · Freeze: ${freezeNames}`}
                </Typography>
                {day.changes.map(change => (
                  <Link
                    key={change.id}
                    to={changeLink(change)}
                    className={`${classes.change} ${
                      change.outcome && change.outcome !== 'successful'
                        ? classes.failed
                        : ''
                    }`}
                    title={`${change.ref}: ${change.title} (${change.status})${
                      overlapping.has(change.id)
                        ? ' — overlaps another change on the same service'
                        : ''
                    }`}
                  >
                    {overlapping.has(change.id) && (
                      <WarningIcon
                        className={classes.warning}
                        aria-label="Overlaps another change"
                      />
                    )}
                    {change.ref} {change.title}
                  </Link>
                ))}
              </div>
            );
          })}
        </div>
      </>
    );
  }

  return (
    <>
      <Box display="flex" alignItems="center" gridGap={8} mb={1}>
        <ButtonGroup size="small" aria-label="Navigate">
          <Button onClick={() => setAnchor(anchor.minus(step))}>
            Previous
          </Button>
          <Button onClick={() => setAnchor(DateTime.local().startOf('day'))}>
            Today
          </Button>
          <Button onClick={() => setAnchor(anchor.plus(step))}>Next</Button>
        </ButtonGroup>
        <Typography variant="h6" style={{ flex: 1 }}>
          {title}
        </Typography>
        <ButtonGroup size="small" aria-label="View">
          <Button
            variant={view === 'month' ? 'contained' : 'outlined'}
            aria-pressed={view === 'month'}
            onClick={() => setView('month')}
          >
            Month
          </Button>
          <Button
            variant={view === 'week' ? 'contained' : 'outlined'}
            aria-pressed={view === 'week'}
            onClick={() => setView('week')}
          >
            Week
          </Button>
        </ButtonGroup>
      </Box>
      {body}
    </>
  );
}
