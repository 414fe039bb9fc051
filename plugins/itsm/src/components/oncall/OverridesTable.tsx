import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { OnCallOverride } from '@openitsm/backstage-plugin-itsm-common';
import { formatInZone } from './localDateTime';

/** A schedule's overrides; later ones win where they overlap. */
export function OverridesTable(props: {
  overrides: OnCallOverride[];
  busy: boolean;
  /** Absent for a user who may not change the schedule. */
  onRemove?: (index: number) => void;
}) {
  if (props.overrides.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No overrides. Add one when someone takes a shift for someone else.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Overrides">
      <TableHead>
        <TableRow>
          <TableCell>Layer</TableCell>
          <TableCell>On call</TableCell>
          <TableCell>From (your time)</TableCell>
          <TableCell>To (your time)</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell />
        </TableRow>
      </TableHead>
      <TableBody>
        {props.overrides.map((o, i) => (
          <TableRow key={`${o.layer}-${o.user}-${o.from}-${i}`}>
            <TableCell>{o.layer}</TableCell>
            <TableCell>
              <EntityRefLink entityRef={o.user} defaultKind="user" />
            </TableCell>
            <TableCell>{formatInZone(o.from)}</TableCell>
            <TableCell>{formatInZone(o.to)}</TableCell>
            <TableCell>{o.reason ?? ''}</TableCell>
            <TableCell align="right">
              {props.onRemove && (
                <Button
                  size="small"
                  disabled={props.busy}
                  onClick={() => props.onRemove?.(i)}
                  aria-label={`Remove override of ${o.user} from ${o.from}`}
                >
                  Remove
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
