import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { StakeholderUpdate } from '@openitsm/backstage-plugin-itsm-common';
import { formatAge, formatDateTime } from '../common/formatTime';
import { humanize } from '../common/humanize';

/** The stakeholder updates, newest first, apart from internal notes. */
export function StakeholderUpdateList(props: { updates: StakeholderUpdate[] }) {
  if (!props.updates.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No stakeholder update yet.
      </Typography>
    );
  }
  return (
    <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
      {props.updates.map(update => (
        <Box component="li" key={update.id} mb={2}>
          <Box display="flex" alignItems="center" gridGap={8} mb={0.5}>
            <Chip size="small" label={humanize(update.stage)} />
            <Typography variant="caption" color="textSecondary">
              {formatDateTime(update.at)} ({formatAge(update.at)} ago) · sent to{' '}
              {update.recipientCount}{' '}
              {update.recipientCount === 1 ? 'person' : 'people'}
            </Typography>
          </Box>
          <Typography variant="body2">{update.message}</Typography>
          {update.impact && (
            <Typography variant="body2" color="textSecondary">
              Impact: {update.impact}
            </Typography>
          )}
          {update.nextSteps && (
            <Typography variant="body2" color="textSecondary">
              Next steps: {update.nextSteps}
            </Typography>
          )}
        </Box>
      ))}
    </Box>
  );
}
