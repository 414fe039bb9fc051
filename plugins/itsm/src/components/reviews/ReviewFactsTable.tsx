import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import {
  formatMinutes,
  ReviewFacts,
} from '@openitsm/backstage-plugin-itsm-common';
import { formatDateTime } from '../common/formatTime';
import { humanize } from '../common/humanize';

const SLA: Record<ReviewFacts['slaResponse'], string> = {
  met: 'Met',
  breached: 'Breached',
  running: 'Still running',
  none: 'No SLA',
};

/** The incident's facts, as its record says them: nothing here is typed in. */
export function ReviewFactsTable(props: { facts: ReviewFacts }) {
  const { facts } = props;
  const rows: Array<[string, string]> = [
    [
      'Incident',
      `${facts.incidentRef} · ${facts.priority}${
        facts.major ? ' · major' : ''
      } · ${humanize(facts.incidentStatus)}`,
    ],
    ['Affected services', facts.affectedServices.join(', ')],
    ['Detected', formatDateTime(facts.detectedAt)],
    ['Resolved', formatDateTime(facts.resolvedAt)],
    ['Duration', formatMinutes(facts.durationMinutes)],
    ['Time to acknowledge', formatMinutes(facts.timeToAcknowledgeMinutes)],
    ['Time to resolve', formatMinutes(facts.timeToResolveMinutes)],
    [
      'SLA',
      `response ${SLA[facts.slaResponse].toLocaleLowerCase()}, resolution ${SLA[
        facts.slaResolution
      ].toLocaleLowerCase()}`,
    ],
    ['Caused by change', facts.causedByChangeRef ?? '–'],
    ['Problem', facts.problemRef ?? '–'],
  ];
  return (
    <Table size="small" aria-label="Facts">
      <TableBody>
        {rows.map(([label, value]) => (
          <TableRow key={label}>
            <TableCell component="th" scope="row" style={{ width: '40%' }}>
              {label}
            </TableCell>
            <TableCell>{value}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
