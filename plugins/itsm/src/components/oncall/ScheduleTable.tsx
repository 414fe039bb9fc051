import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { StoredOnCallSchedule } from '@openitsm/backstage-plugin-itsm-common';
import { OnCallNowSummary } from './OnCallNowSummary';
import { useOnCallLinks } from './useOnCallLinks';
import { useNow } from './useRefreshAt';

/** Schedules with their owner, timezone and who is on call now per layer. */
export function ScheduleTable(props: { schedules: StoredOnCallSchedule[] }) {
  const links = useOnCallLinks();
  const now = useNow();
  return (
    <Table size="small" aria-label="On-call schedules">
      <TableHead>
        <TableRow>
          <TableCell>Schedule</TableCell>
          <TableCell>Owner group</TableCell>
          <TableCell>Timezone</TableCell>
          <TableCell>On call now</TableCell>
          <TableCell>Escalation</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.schedules.map(schedule => (
          <TableRow key={schedule.id}>
            <TableCell>
              <Link to={links.schedule(schedule.id)}>{schedule.name}</Link>
            </TableCell>
            <TableCell>
              <EntityRefLink
                entityRef={schedule.ownerGroup}
                defaultKind="group"
              />
            </TableCell>
            <TableCell>{schedule.timezone}</TableCell>
            <TableCell>
              <OnCallNowSummary schedule={schedule} now={now} />
            </TableCell>
            <TableCell>
              <Link to={links.policy(schedule.ownerGroup)}>Policy</Link>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
