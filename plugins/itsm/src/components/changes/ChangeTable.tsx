import { Link } from '@backstage/core-components';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Change } from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime } from '../common/formatTime';
import { humanize } from '../common/humanize';
import { ChangeStatusLabel, OutcomeLabel } from './ChangeStatusLabel';
import { useChangeLink } from './useChangeLink';

/** A page of changes with their window, status and outcome. */
export function ChangeTable(props: {
  changes: Change[];
  showServices?: boolean;
  'aria-label'?: string;
}) {
  const changeLink = useChangeLink();
  return (
    <Table size="small" aria-label={props['aria-label'] ?? 'Changes'}>
      <TableHead>
        <TableRow>
          <TableCell>Ref</TableCell>
          <TableCell>Title</TableCell>
          {props.showServices && <TableCell>Services</TableCell>}
          <TableCell>Type</TableCell>
          <TableCell>Risk</TableCell>
          <TableCell>Planned</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Outcome</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.changes.map(change => (
          <TableRow key={change.id}>
            <TableCell>
              <Link to={changeLink(change)}>{change.ref}</Link>
            </TableCell>
            <TableCell>{change.title}</TableCell>
            {props.showServices && (
              <TableCell>
                <EntityRefLinks
                  entityRefs={change.affectedServices}
                  defaultKind="component"
                />
              </TableCell>
            )}
            <TableCell>{humanize(change.type)}</TableCell>
            <TableCell>{humanize(change.risk)}</TableCell>
            <TableCell>
              {formatDateTime(change.plannedStart)} –{' '}
              {formatDateTime(change.plannedEnd)}
            </TableCell>
            <TableCell>
              <ChangeStatusLabel status={change.status} />
            </TableCell>
            <TableCell>
              <OutcomeLabel outcome={change.outcome} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
