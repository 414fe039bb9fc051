import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import ChevronLeft from '@material-ui/icons/ChevronLeft';
import ChevronRight from '@material-ui/icons/ChevronRight';
import {
  isoWeekRange,
  shiftIsoWeek,
} from '@openitsm/backstage-plugin-itsm-common';
import { DateTime } from 'luxon';

/** `Mon 16 Nov – Sun 22 Nov 2026`: the days an ISO week covers. */
export function weekDays(week: string): string {
  const range = isoWeekRange(week);
  if (!range) return '';
  const monday = DateTime.fromISO(range.from, { zone: 'utc' });
  const sunday = monday.plus({ days: 6 });
  return `${monday.toFormat('ccc d LLL')} – ${sunday.toFormat(
    'ccc d LLL yyyy',
  )}`;
}

/**
 * An ISO week (`YYYY-Www`): previous and next, or any week through the
 * browser's week input (its value is the same `YYYY-Www`). No week after
 * `latest` (the current week, its review so far).
 */
export function WeekPicker(props: {
  week: string;
  latest: string;
  onChange: (week: string) => void;
}) {
  const { week, latest, onChange } = props;
  return (
    <Box display="flex" alignItems="center" flexWrap="wrap" style={{ gap: 8 }}>
      <IconButton
        aria-label="Previous week"
        onClick={() => onChange(shiftIsoWeek(week, -1))}
      >
        <ChevronLeft />
      </IconButton>
      <TextField
        id="weekly-review-week"
        label="Week"
        type="week"
        value={week}
        inputProps={{ max: latest }}
        InputLabelProps={{ shrink: true }}
        onChange={e => {
          const value = e.target.value;
          if (isoWeekRange(value) && value <= latest) onChange(value);
        }}
      />
      <IconButton
        aria-label="Next week"
        disabled={week >= latest}
        onClick={() => onChange(shiftIsoWeek(week, 1))}
      >
        <ChevronRight />
      </IconButton>
      <Typography variant="body2" color="textSecondary">
        {weekDays(week)} (UTC)
      </Typography>
    </Box>
  );
}
