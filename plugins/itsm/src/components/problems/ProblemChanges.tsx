import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import {
  Change,
  itsmChangeUpdatePermission,
  itsmProblemUpdatePermission,
  Problem,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { ChangePicker } from '../common/recordPickers';
import { useAllowed } from '../common/useAllowed';
import { RequestChangeButton } from '../changes/RequestChangeButton';
import { ChangeStatusLabel, OutcomeLabel } from '../changes/ChangeStatusLabel';
import { useChangeLink } from '../changes/useChangeLink';

/**
 * The changes that fix the problem (those naming it), with their status and
 * outcome; link an existing change, unlink one, or request a new one for it.
 */
export function ProblemChanges(props: {
  problem: Problem;
  busy: boolean;
  onChange: (change: {
    link?: string[];
    unlink?: string[];
  }) => Promise<boolean>;
  onRequested?: (change: Change) => void;
}) {
  const { problem, busy, onChange } = props;
  const changeLink = useChangeLink();
  const [picked, setPicked] = useState<Change | null>(null);
  const closed = problem.status === 'closed';
  // Linking writes on both records: it takes both permissions
  const mayUpdateProblem = useAllowed(itsmProblemUpdatePermission);
  const mayUpdateChange = useAllowed(itsmChangeUpdatePermission);
  const canLink = Boolean(mayUpdateProblem && mayUpdateChange);

  return (
    <Box display="flex" flexDirection="column" gridGap={8}>
      {problem.fixChanges.length ? (
        <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {problem.fixChanges.map(change => (
            <Box
              component="li"
              key={change.id}
              py={0.5}
              aria-label={change.ref}
            >
              <Box display="flex" alignItems="baseline" gridGap={8}>
                <Link to={changeLink(change)} style={{ whiteSpace: 'nowrap' }}>
                  {change.ref}
                </Link>
                <Typography variant="body2">{change.title}</Typography>
              </Box>
              <Box
                display="flex"
                alignItems="center"
                flexWrap="wrap"
                gridGap={16}
              >
                <ChangeStatusLabel status={change.status} />
                {change.outcome && <OutcomeLabel outcome={change.outcome} />}
                <Box flexGrow={1} />
                {canLink && (
                  <Button
                    size="small"
                    disabled={busy}
                    onClick={() => onChange({ unlink: [change.id] })}
                  >
                    Unlink
                  </Button>
                )}
              </Box>
            </Box>
          ))}
        </Box>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No change names this problem yet.
        </Typography>
      )}
      {!closed && canLink && (
        <Box display="flex" alignItems="flex-end" flexWrap="wrap" gridGap={8}>
          <Box flex="1 1 220px" minWidth={0}>
            <ChangePicker
              id="itsm-problem-link-change"
              label="Link a change that fixes it"
              size="small"
              value={picked}
              onChange={setPicked}
              disabled={busy}
            />
          </Box>
          <Button
            variant="outlined"
            style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            disabled={busy || !picked}
            onClick={async () => {
              if (picked && (await onChange({ link: [picked.id] }))) {
                setPicked(null);
              }
            }}
          >
            Link change
          </Button>
        </Box>
      )}
      {!closed && (
        <Box>
          <RequestChangeButton
            services={problem.affectedServices}
            problemRef={problem.ref}
            variant="outlined"
            onCreated={props.onRequested}
          />
        </Box>
      )}
    </Box>
  );
}
