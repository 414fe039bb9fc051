import { Link, StatusError, StatusOK } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime } from '../common/formatTime';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Annotations shown as text; the URL ones are links already. */
const HIDDEN_ANNOTATIONS = new Set(['runbook_url', 'runbook', 'summary']);

function AlertDetails({ alert }: { alert: Alert }) {
  const annotations = Object.entries(alert.annotations).filter(
    ([k]) => !HIDDEN_ANNOTATIONS.has(k),
  );
  return (
    <>
      <Typography variant="body2">
        <strong>{alert.title}</strong>
      </Typography>
      <Box display="flex" flexWrap="wrap" gridGap={4} mt={0.5}>
        {Object.entries(alert.labels).map(([k, v]) => (
          <Chip key={k} size="small" variant="outlined" label={`${k}=${v}`} />
        ))}
      </Box>
      {annotations.map(([k, v]) => (
        <Typography key={k} variant="caption" component="div">
          <Box component="span" color="text.secondary">
            {k}:
          </Box>{' '}
          {v}
        </Typography>
      ))}
      <Typography variant="caption" color="textSecondary" component="div">
        {alert.source} · {alert.dedupKey}
      </Typography>
    </>
  );
}

/**
 * Alerts as received from monitoring: status, labels and annotations,
 * runbook and generator links, first and last seen, how often received.
 */
export function AlertTable(props: {
  alerts: Alert[];
  /** Triage: the service column says where an alert could go. */
  showService?: boolean;
}) {
  const { alerts, showService } = props;
  return (
    <Table size="small" aria-label="Alerts">
      <TableHead>
        <TableRow>
          <TableCell style={NO_WRAP}>Status</TableCell>
          <TableCell style={{ width: '50%' }}>Alert</TableCell>
          {showService && <TableCell style={NO_WRAP}>Service</TableCell>}
          <TableCell style={NO_WRAP}>Links</TableCell>
          <TableCell style={NO_WRAP}>First seen</TableCell>
          <TableCell style={NO_WRAP}>Last seen</TableCell>
          <TableCell align="right" style={NO_WRAP}>
            Received
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {alerts.map(alert => (
          <TableRow key={alert.id}>
            <TableCell style={NO_WRAP}>
              {alert.status === 'firing' ? (
                <StatusError>firing</StatusError>
              ) : (
                <StatusOK>resolved</StatusOK>
              )}
              {alert.severity && (
                <Typography variant="caption" component="div">
                  {alert.severity}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <AlertDetails alert={alert} />
            </TableCell>
            {showService && (
              <TableCell>{alert.entityRef ?? 'unmapped'}</TableCell>
            )}
            <TableCell style={NO_WRAP}>
              {Object.entries(alert.links).map(([name, link]) => (
                <div key={name}>
                  <Link to={link.href} target="_blank" rel="noopener">
                    {link.text ?? name}
                  </Link>
                </div>
              ))}
            </TableCell>
            <TableCell style={NO_WRAP}>
              {formatDateTime(alert.firstSeenAt)}
            </TableCell>
            <TableCell style={NO_WRAP}>
              {formatDateTime(alert.lastSeenAt)}
            </TableCell>
            <TableCell align="right">{alert.receivedCount}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
