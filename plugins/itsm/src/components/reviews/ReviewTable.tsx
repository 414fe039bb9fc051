import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { ReviewListQuery } from '@openitsm/backstage-plugin-itsm-common';
import useAsync from 'react-use/esm/useAsync';
import { itsmApiRef } from '../../api';
import { formatDateTime } from '../common/formatTime';
import { PriorityChip } from '../common/PriorityChip';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { RefLink } from '../common/RefLink';
import { useIncidentLink } from '../common/useIncidentLink';
import { ReviewStatusLabel } from './ReviewStatusLabel';

/** Reviews of one state, newest incident first, linking to each incident. */
export function ReviewTable(props: { query: ReviewListQuery; empty: string }) {
  const api = useApi(itsmApiRef);
  const link = useIncidentLink();
  const { query } = props;
  const reviews = useAsync(
    () => api.listReviews(query),
    [api, query.status, query.blocked, query.entityRef],
  );
  if (reviews.loading) return <Progress />;
  if (reviews.error) return <ReadErrorPanel error={reviews.error} />;
  const items = reviews.value?.items ?? [];
  if (!items.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        {props.empty}
      </Typography>
    );
  }
  const published = query.status === 'published';
  return (
    <Table size="small" aria-label={`Reviews ${query.status}`}>
      <TableHead>
        <TableRow>
          <TableCell>Incident</TableCell>
          <TableCell>Title</TableCell>
          <TableCell>Priority</TableCell>
          <TableCell>Review</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>
            {published ? 'Published' : 'Detected'}
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => (
          <TableRow key={item.incidentId}>
            <TableCell>
              <RefLink to={link({ ref: item.incidentRef })}>
                {item.incidentRef}
              </RefLink>
            </TableCell>
            <TableCell>
              {item.incidentTitle}
              {item.blocksClosing && (
                <Typography variant="caption" color="error" component="div">
                  Resolved; cannot close until this review is published
                </Typography>
              )}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              <PriorityChip priority={item.priority} />
              {item.major ? ' Major' : ''}
            </TableCell>
            <TableCell>
              <ReviewStatusLabel status={item.reviewStatus} />
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {formatDateTime(published ? item.publishedAt : item.detectedAt)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
