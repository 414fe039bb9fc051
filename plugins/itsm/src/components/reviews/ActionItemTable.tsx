import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  ActionItem,
  ActionItemStatus,
  allowedActionItemTransitions,
} from '@openitsm/backstage-plugin-itsm-common';
import { RefLink } from '../common/RefLink';
import { useIncidentLink } from '../common/useIncidentLink';
import { humanize } from '../common/humanize';
import { ActionItemStatusLabel } from './ReviewStatusLabel';

const MOVE_LABELS: Record<ActionItemStatus, string> = {
  open: 'Reopen',
  in_progress: 'Start',
  done: 'Done',
  cancelled: 'Cancel',
};

/**
 * Action items: ref, what, owner, due day and status (overdue said so);
 * with `onMove`, the legal status moves as buttons.
 */
export function ActionItemTable(props: {
  items: ActionItem[];
  showIncident?: boolean;
  busy?: boolean;
  onMove?: (item: ActionItem, status: ActionItemStatus) => void;
  onConvert?: (item: ActionItem, to: 'problem' | 'change') => void;
}) {
  const incidentLink = useIncidentLink();
  if (!props.items.length) {
    return (
      <Typography variant="body2" color="textSecondary">
        No action items.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Action items">
      <TableHead>
        <TableRow>
          <TableCell>Ref</TableCell>
          <TableCell>Action</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>Due</TableCell>
          <TableCell>Status</TableCell>
          {props.onMove && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.items.map(item => (
          <TableRow key={item.id}>
            <TableCell style={{ whiteSpace: 'nowrap' }}>{item.ref}</TableCell>
            <TableCell>
              {item.title}
              {props.showIncident && item.incidentRef && (
                <>
                  {' · '}
                  <RefLink to={incidentLink({ ref: item.incidentRef })}>
                    {item.incidentRef}
                  </RefLink>
                </>
              )}
              {[item.problemRef, item.changeRef].filter(Boolean).length > 0 && (
                <Typography variant="caption" color="textSecondary">
                  {' '}
                  →{' '}
                  {[item.problemRef, item.changeRef].filter(Boolean).join(', ')}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              {item.owner.replace(/^(user|group):default\//, '')}
            </TableCell>
            <TableCell style={{ whiteSpace: 'nowrap' }}>
              {item.dueDate}
            </TableCell>
            <TableCell>
              <ActionItemStatusLabel
                status={item.status}
                overdue={item.overdue}
              />
            </TableCell>
            {props.onMove && (
              <TableCell style={{ whiteSpace: 'nowrap' }}>
                {allowedActionItemTransitions(item.status).map(to => (
                  <Button
                    key={to}
                    size="small"
                    disabled={props.busy}
                    onClick={() => props.onMove!(item, to)}
                    aria-label={`${MOVE_LABELS[to]} ${item.ref}`}
                  >
                    {MOVE_LABELS[to] ?? humanize(to)}
                  </Button>
                ))}
                {props.onConvert && !item.problemId && (
                  <Button
                    size="small"
                    disabled={props.busy}
                    onClick={() => props.onConvert!(item, 'problem')}
                    aria-label={`Open a problem from ${item.ref}`}
                  >
                    To problem
                  </Button>
                )}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
