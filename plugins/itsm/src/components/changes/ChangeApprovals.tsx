import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ApprovalDecision,
  ChangeDetails,
  changeTakesApprovals,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { formatDateTime } from '../common/formatTime';
import { PersonName } from '../common/PersonName';
import { humanize } from '../common/humanize';

/** Who must approve, the decisions so far, and approve / reject. */
export function ChangeApprovals(props: {
  change: ChangeDetails;
  busy: boolean;
  onDecide: (decision: ApprovalDecision, comment: string) => Promise<boolean>;
  /** False for a user who may not approve changes: no approve / reject. */
  canDecide?: boolean;
}) {
  const { change, busy } = props;
  const [comment, setComment] = useState('');
  const { approval } = change;
  const open = changeTakesApprovals(change.type, change.status);

  const decide = async (decision: ApprovalDecision) => {
    if (await props.onDecide(decision, comment)) setComment('');
  };

  return (
    <>
      <Typography variant="body2" gutterBottom>
        {approval.state === 'not_required'
          ? 'Standard change: pre-approved.'
          : `Approval ${humanize(approval.state).toLowerCase()}${
              change.requiredApprovers.length
                ? ` — required from ${change.requiredApprovers.join(', ')}`
                : ' — one approver required'
            }${
              approval.missingGroups.length && approval.state === 'pending'
                ? `; waiting for ${approval.missingGroups.join(', ')}`
                : ''
            }.`}
      </Typography>
      {change.approvals.length > 0 && (
        <List dense aria-label="Approvals">
          {change.approvals.map(a => (
            <ListItem key={a.id}>
              <ListItemText
                primary={
                  <>
                    {humanize(a.decision)} by{' '}
                    <PersonName entityRef={a.approver} />
                    {a.group && (
                      <>
                        {' '}
                        for <PersonName entityRef={a.group} />
                      </>
                    )}{' '}
                    (round {a.round})
                  </>
                }
                secondary={`${formatDateTime(a.at)}${
                  a.comment ? ` — ${a.comment}` : ''
                }`}
              />
            </ListItem>
          ))}
        </List>
      )}
      {open && props.canDecide !== false && (
        <Box display="flex" gridGap={8} alignItems="flex-start">
          <TextField
            id="itsm-approval-comment"
            label="Comment (required to reject)"
            value={comment}
            onChange={e => setComment(e.target.value)}
            size="small"
            fullWidth
          />
          <Button
            color="primary"
            variant="contained"
            disabled={busy}
            onClick={() => decide('approved')}
          >
            Approve
          </Button>
          <Button
            variant="outlined"
            disabled={busy || !comment.trim()}
            onClick={() => decide('rejected')}
          >
            Reject
          </Button>
        </Box>
      )}
    </>
  );
}
