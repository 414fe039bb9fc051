import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import { NO_WRAP } from '../common/noWrap';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { SlaComplianceReport } from '@openitsm/backstage-plugin-itsm-common';
import { formatCompliance } from './formatCompliance';

/** Compliance per priority, with the counts behind each ratio. */
export function CompliancePriorityTable(props: {
  report: SlaComplianceReport;
}) {
  const groups = props.report.groups ?? [];
  return (
    <Table size="small" aria-label="Compliance per priority">
      <TableHead>
        <TableRow>
          <TableCell style={NO_WRAP}>Priority</TableCell>
          <TableCell style={NO_WRAP} align="right">
            Response
          </TableCell>
          <TableCell style={NO_WRAP} align="right">
            Resolution
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map(group => (
          <TableRow key={group.key}>
            <TableCell>{group.key}</TableCell>
            <TableCell align="right">
              {formatCompliance(group.response)} ({group.response.met}/
              {group.response.met + group.response.breached})
            </TableCell>
            <TableCell align="right">
              {formatCompliance(group.resolution)} ({group.resolution.met}/
              {group.resolution.met + group.resolution.breached})
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
