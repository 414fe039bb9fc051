import { RefLink } from '../common/RefLink';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Problem } from '@openitsm/backstage-plugin-itsm-common';
import { formatAge } from '../common/formatTime';
import { useProblemLink } from '../common/useProblemLink';
import { ProblemStatusLabel } from './ProblemStatusLabel';

/** A page of problems. */
export function ProblemTable(props: {
  problems: Problem[];
  showServices?: boolean;
}) {
  const problemLink = useProblemLink();
  return (
    <Table size="small" aria-label="Problems">
      <TableHead>
        <TableRow>
          <TableCell>Ref</TableCell>
          <TableCell>Title</TableCell>
          {props.showServices && <TableCell>Services</TableCell>}
          <TableCell>Status</TableCell>
          <TableCell>Owner group</TableCell>
          <TableCell>Incidents</TableCell>
          <TableCell>Age</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.problems.map(problem => (
          <TableRow key={problem.id}>
            <TableCell>
              <RefLink to={problemLink(problem)}>{problem.ref}</RefLink>
            </TableCell>
            <TableCell>{problem.title}</TableCell>
            {props.showServices && (
              <TableCell>
                <EntityRefLinks
                  entityRefs={problem.affectedServices}
                  defaultKind="component"
                />
              </TableCell>
            )}
            <TableCell>
              <ProblemStatusLabel status={problem.status} />
            </TableCell>
            <TableCell>
              {problem.ownerGroup ? (
                <EntityRefLinks
                  entityRefs={[problem.ownerGroup]}
                  defaultKind="group"
                />
              ) : (
                '–'
              )}
            </TableCell>
            <TableCell>{problem.incidentCount}</TableCell>
            <TableCell>{formatAge(problem.createdAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
