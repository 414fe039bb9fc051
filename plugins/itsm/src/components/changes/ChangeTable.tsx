import { RefLink } from '../common/RefLink';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
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
  /**
   * For a card: type and risk under the title, the start only, the outcome
   * under the status, so four columns fit a third of the page.
   */
  compact?: boolean;
}) {
  const { compact } = props;
  const changeLink = useChangeLink();
  return (
    <Table size="small" aria-label={props['aria-label'] ?? 'Changes'}>
      <TableHead>
        <TableRow>
          <TableCell>Ref</TableCell>
          <TableCell>Title</TableCell>
          {props.showServices && <TableCell>Services</TableCell>}
          {!compact && <TableCell>Type</TableCell>}
          {!compact && <TableCell>Risk</TableCell>}
          <TableCell>{compact ? 'Starts' : 'Planned'}</TableCell>
          <TableCell>Status</TableCell>
          {!compact && <TableCell>Outcome</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {props.changes.map(change => (
          <TableRow key={change.id}>
            <TableCell>
              <RefLink to={changeLink(change)}>{change.ref}</RefLink>
            </TableCell>
            <TableCell>
              {change.title}
              {compact && (
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {humanize(change.type)} ·{' '}
                  {humanize(change.risk).toLowerCase()} risk
                </Typography>
              )}
            </TableCell>
            {props.showServices && (
              <TableCell>
                <EntityRefLinks
                  entityRefs={change.affectedServices}
                  defaultKind="component"
                />
              </TableCell>
            )}
            {!compact && <TableCell>{humanize(change.type)}</TableCell>}
            {!compact && <TableCell>{humanize(change.risk)}</TableCell>}
            <TableCell>
              {compact ? (
                <span style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(change.plannedStart)}
                </span>
              ) : (
                <>
                  {formatDateTime(change.plannedStart)} –{' '}
                  {formatDateTime(change.plannedEnd)}
                </>
              )}
            </TableCell>
            <TableCell>
              <ChangeStatusLabel status={change.status} />
              {compact && change.outcome && (
                <Typography variant="caption" display="block">
                  <OutcomeLabel outcome={change.outcome} />
                </Typography>
              )}
            </TableCell>
            {!compact && (
              <TableCell>
                <OutcomeLabel outcome={change.outcome} />
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
