import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import ToggleButton from '@material-ui/lab/ToggleButton';
import ToggleButtonGroup from '@material-ui/lab/ToggleButtonGroup';
import {
  effectiveShifts,
  OnCallLayer,
  OnCallShift,
  StoredOnCallSchedule,
} from '@openitsm/backstage-plugin-itsm-common';
import { DateTime } from 'luxon';
import { useMemo, useState } from 'react';
import { formatInZone } from './localDateTime';
import { ShiftTimeline } from './ShiftTimeline';

/**
 * The shifts of a layer starting before `to`, with their real ends: the
 * listing runs one shift length past the window so the last shift is not
 * cut at the window's edge (and "take over" covers all of it).
 */
function layerShifts(
  schedule: StoredOnCallSchedule,
  layer: OnCallLayer,
  from: DateTime,
  to: DateTime,
): OnCallShift[] | Error {
  const longest =
    layer.rotation.type === 'custom'
      ? { hours: Math.ceil(layer.rotation.lengthHours ?? 0) }
      : { days: 8 };
  try {
    return effectiveShifts(
      schedule,
      layer.name,
      from.toUTC().toISO()!,
      to.plus(longest).toUTC().toISO()!,
    ).filter(shift => Date.parse(shift.from) < to.toMillis());
  } catch (e) {
    return e as Error;
  }
}

/**
 * The next 7 or 14 days of shifts per layer, from the start of today: a
 * timeline bar and a table in the schedule's timezone and the viewer's.
 * "Take over" prefills an override of a shift for the signed-in user.
 */
export function ShiftPreview(props: {
  schedule: StoredOnCallSchedule;
  now: number;
  onTakeOver?: (shift: OnCallShift) => void;
}) {
  const { schedule, now, onTakeOver } = props;
  const [days, setDays] = useState(7);
  const viewerZone = DateTime.local().zoneName;
  const sameZone = viewerZone === schedule.timezone;
  const range = useMemo(() => {
    const start = DateTime.fromMillis(now).startOf('day');
    return { from: start, to: start.plus({ days }) };
  }, [now, days]);

  return (
    <>
      <Box display="flex" justifyContent="flex-end" mb={1}>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={days}
          onChange={(_e, value) => value && setDays(value)}
          aria-label="Preview length"
        >
          <ToggleButton value={7}>7 days</ToggleButton>
          <ToggleButton value={14}>14 days</ToggleButton>
        </ToggleButtonGroup>
      </Box>
      {schedule.layers.map(layer => {
        const shifts = layerShifts(schedule, layer, range.from, range.to);
        return (
          <Box key={layer.name} mb={3}>
            <Typography variant="subtitle2">{layer.name}</Typography>
            {shifts instanceof Error ? (
              <Typography variant="body2" color="error">
                {shifts.message}
              </Typography>
            ) : (
              <>
                <ShiftTimeline
                  shifts={shifts}
                  users={layer.users}
                  fromMs={range.from.toMillis()}
                  toMs={range.to.toMillis()}
                />
                {shifts.length === 0 ? (
                  <Typography variant="body2" color="textSecondary">
                    Nobody is on call on this layer in these {days} days.
                  </Typography>
                ) : (
                  <Table size="small" aria-label={`Shifts of ${layer.name}`}>
                    <TableHead>
                      <TableRow>
                        <TableCell>On call</TableCell>
                        <TableCell>From ({schedule.timezone})</TableCell>
                        <TableCell>To ({schedule.timezone})</TableCell>
                        {!sameZone && (
                          <TableCell>Your time ({viewerZone})</TableCell>
                        )}
                        <TableCell>Source</TableCell>
                        {onTakeOver && <TableCell />}
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {shifts.map(shift => (
                        <TableRow key={`${shift.from}-${shift.user}`}>
                          <TableCell>
                            <EntityRefLink
                              entityRef={shift.user}
                              defaultKind="user"
                            />
                          </TableCell>
                          <TableCell>
                            {formatInZone(shift.from, schedule.timezone)}
                          </TableCell>
                          <TableCell>
                            {formatInZone(shift.to, schedule.timezone)}
                          </TableCell>
                          {!sameZone && (
                            <TableCell>
                              {formatInZone(shift.from)} –{' '}
                              {formatInZone(shift.to)}
                            </TableCell>
                          )}
                          <TableCell>{shift.source}</TableCell>
                          {onTakeOver && (
                            <TableCell align="right">
                              {Date.parse(shift.to) > now && (
                                <Button
                                  size="small"
                                  onClick={() => onTakeOver(shift)}
                                >
                                  Take over
                                </Button>
                              )}
                            </TableCell>
                          )}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                )}
              </>
            )}
          </Box>
        );
      })}
    </>
  );
}
