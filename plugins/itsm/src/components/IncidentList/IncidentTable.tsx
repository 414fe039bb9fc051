import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { RefLink } from '../common/RefLink';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Checkbox from '@material-ui/core/Checkbox';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime, formatShortDateTime } from '../common/formatTime';
import { humanize } from '../common/humanize';
import { NO_WRAP } from '../common/noWrap';
import { PriorityChip } from '../common/PriorityChip';
import { IncidentStatusLabel } from '../common/IncidentStatusLabel';
import { useIncidentLink } from '../common/useIncidentLink';
import { missedTargets } from '../sla/SlaBreachList';

/** The fields the table shows: lists for it are read with only these. */
export const INCIDENT_TABLE_FIELDS = [
  'ref',
  'title',
  'category',
  'affectedServices',
  'priority',
  'status',
  'assignee',
  'assignedGroup',
  'detectedAt',
  'sla',
] as const;

/** An incident as the table shows it. */
export type IncidentTableRow = Pick<
  Incident,
  (typeof INCIDENT_TABLE_FIELDS)[number] | 'id'
>;

/** The assigned group and person, by their display names. */
function AssignedTo(props: {
  incident: Pick<Incident, 'assignedGroup' | 'assignee'>;
}) {
  const { assignedGroup, assignee } = props.incident;
  if (!assignedGroup && !assignee) return <>–</>;
  return (
    <>
      {assignedGroup && (
        <span style={NO_WRAP}>
          <EntityRefLink entityRef={assignedGroup} defaultKind="group" />
        </span>
      )}
      {assignedGroup && assignee && ' / '}
      {assignee && (
        <span style={NO_WRAP}>
          <EntityRefLink entityRef={assignee} defaultKind="user" />
        </span>
      )}
    </>
  );
}

/** A page of incidents; breached SLAs are flagged. */
export function IncidentTable(props: {
  incidents: IncidentTableRow[];
  showServices?: boolean;
  /** Ids of the selected incidents; with it, rows get checkboxes. */
  selected?: string[];
  onSelectedChange?: (ids: string[]) => void;
}) {
  const incidentLink = useIncidentLink();
  const { selected, onSelectedChange } = props;
  const toggle = (id: string, on: boolean) =>
    onSelectedChange?.(
      on ? [...(selected ?? []), id] : (selected ?? []).filter(s => s !== id),
    );
  return (
    <Table size="small" aria-label="Incidents">
      <TableHead>
        <TableRow>
          {selected && <TableCell padding="checkbox" />}
          <TableCell>Ref</TableCell>
          <TableCell>Title</TableCell>
          {props.showServices && <TableCell>Services</TableCell>}
          <TableCell>Priority</TableCell>
          <TableCell>Status</TableCell>
          <TableCell style={{ whiteSpace: 'nowrap' }}>Assigned to</TableCell>
          <TableCell style={NO_WRAP}>Detected</TableCell>
          <TableCell style={NO_WRAP}>SLA</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.incidents.map(incident => {
          const missed = missedTargets(incident);
          return (
            <TableRow key={incident.id}>
              {selected && (
                <TableCell padding="checkbox">
                  <Checkbox
                    size="small"
                    checked={selected.includes(incident.id)}
                    onChange={e => toggle(incident.id, e.target.checked)}
                    inputProps={{ 'aria-label': `Select ${incident.ref}` }}
                  />
                </TableCell>
              )}
              <TableCell>
                <RefLink to={incidentLink(incident)}>{incident.ref}</RefLink>
              </TableCell>
              <TableCell style={{ minWidth: 140 }}>
                {incident.title}
                {/* The category under the title: a column of its own does
                    not fit 1280 px beside the others */}
                <Typography
                  variant="caption"
                  color="textSecondary"
                  display="block"
                >
                  {humanize(incident.category)}
                </Typography>
              </TableCell>
              {props.showServices && (
                <TableCell>
                  {/* Each service on one line; a long list wraps between them */}
                  {incident.affectedServices.map((ref, i) => (
                    <span key={ref} style={NO_WRAP}>
                      {i > 0 && ', '}
                      <EntityRefLink entityRef={ref} defaultKind="component" />
                    </span>
                  ))}
                </TableCell>
              )}
              <TableCell>
                <PriorityChip priority={incident.priority} />
              </TableCell>
              <TableCell>
                <IncidentStatusLabel status={incident.status} />
              </TableCell>
              <TableCell>
                <AssignedTo incident={incident} />
              </TableCell>
              <TableCell title={formatDateTime(incident.detectedAt)}>
                {formatShortDateTime(incident.detectedAt)}
              </TableCell>
              <TableCell>
                {missed && (
                  <Tooltip title={missed}>
                    <WarningIcon
                      color="error"
                      aria-label={`SLA breached: ${missed}`}
                      fontSize="small"
                    />
                  </Tooltip>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
