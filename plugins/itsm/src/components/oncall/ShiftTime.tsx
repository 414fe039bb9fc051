import Tooltip from '@material-ui/core/Tooltip';
import { DateTime } from 'luxon';

/**
 * An instant in the viewer's own time, relative and absolute:
 * `Tue, Nov 24, 6:00 PM (in 3 hours)`.
 */
export function ShiftTime(props: { iso: string; now?: number }) {
  const at = DateTime.fromISO(props.iso);
  const relative = at.toRelative({
    base: DateTime.fromMillis(props.now ?? Date.now()),
  });
  const absolute = at.toLocaleString({
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return (
    <Tooltip title={`${at.toISO()} (${at.zoneName})`}>
      <time dateTime={props.iso}>
        {absolute} ({relative})
      </time>
    </Tooltip>
  );
}
