import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReviewTimelineEntry } from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime } from '../common/formatTime';

/** The incident's timeline as the review tells it, oldest first. */
export function ReviewTimelineList(props: { timeline: ReviewTimelineEntry[] }) {
  if (!props.timeline.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No events.
      </Typography>
    );
  }
  return (
    <Box component="ol" pl={2} m={0} aria-label="Review timeline">
      {props.timeline.map((entry, i) => (
        <li key={i}>
          <Typography variant="body2">
            <span style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(entry.at)}
            </span>{' '}
            — {entry.message}{' '}
            <Typography
              component="span"
              variant="caption"
              color="textSecondary"
            >
              ({entry.actor})
            </Typography>
          </Typography>
        </li>
      ))}
    </Box>
  );
}
