import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  Priority,
  WeeklyReviewItem,
} from '@openitsm/backstage-plugin-itsm-common';
import { formatShortDateTime } from '../common/formatTime';
import { humanize } from '../common/humanize';
import { PriorityChip } from '../common/PriorityChip';
import { RefLink } from '../common/RefLink';

/** The optional columns a section of the review shows, in this order. */
export type WeeklyReviewColumn =
  | 'priority'
  | 'status'
  | 'detail'
  | 'review'
  | 'service'
  | 'owner'
  | 'incident';

const HEADINGS: Record<WeeklyReviewColumn, string> = {
  priority: 'Priority',
  status: 'Status',
  detail: 'Detail',
  review: 'Review',
  service: 'Service',
  owner: 'Owner',
  incident: 'Incident',
};

function Cell(props: {
  column: WeeklyReviewColumn;
  item: WeeklyReviewItem;
  incidentLink: (ref: string) => string;
}) {
  const { column, item } = props;
  switch (column) {
    case 'priority':
      return item.priority ? (
        <PriorityChip priority={item.priority as Priority} />
      ) : null;
    case 'status':
      return <>{item.status ? humanize(item.status) : ''}</>;
    case 'detail':
      return <>{item.detail ? humanize(item.detail) : ''}</>;
    case 'review':
      return (
        <>
          {item.reviewStatus === 'none' || !item.reviewStatus
            ? 'Not started'
            : humanize(item.reviewStatus)}
        </>
      );
    case 'service':
      return item.service ? (
        <EntityRefLink entityRef={item.service} defaultKind="component" />
      ) : null;
    case 'owner':
      return item.owner ? (
        <EntityRefLink entityRef={item.owner} defaultKind="user" />
      ) : null;
    case 'incident':
      return item.incidentRef ? (
        <RefLink to={props.incidentLink(item.incidentRef)}>
          {item.incidentRef}
        </RefLink>
      ) : null;
    default:
      return null;
  }
}

/**
 * One list of a weekly review (P1/P2 incidents, breaches, problems…) as a
 * compact table, or a line saying there was none.
 */
export function WeeklyReviewItems(props: {
  title: string;
  items: WeeklyReviewItem[];
  columns: WeeklyReviewColumn[];
  /** The heading of the `at` column: detected, due, opened, closed. */
  atLabel: string;
  /** `at` is a calendar day (an action item's due date). */
  atIsDay?: boolean;
  empty: string;
  linkOf: (ref: string) => string | undefined;
  incidentLink: (ref: string) => string;
}) {
  const { items, columns } = props;
  return (
    <InfoCard title={props.title} subheader={`${items.length}`} noPadding>
      {items.length === 0 ? (
        <Typography variant="body2" style={{ padding: 16 }}>
          {props.empty}
        </Typography>
      ) : (
        <Table size="small" aria-label={props.title}>
          <TableHead>
            <TableRow>
              <TableCell>Ref</TableCell>
              <TableCell>Title</TableCell>
              {columns.map(c => (
                <TableCell key={c}>{HEADINGS[c]}</TableCell>
              ))}
              <TableCell>{props.atLabel}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map(item => {
              const to = props.linkOf(item.ref);
              return (
                <TableRow key={`${item.ref}:${item.detail ?? ''}`}>
                  <TableCell>
                    {to ? <RefLink to={to}>{item.ref}</RefLink> : item.ref}
                  </TableCell>
                  <TableCell style={{ minWidth: 200 }}>{item.title}</TableCell>
                  {columns.map(c => (
                    <TableCell key={c} style={{ whiteSpace: 'nowrap' }}>
                      <Cell
                        column={c}
                        item={item}
                        incidentLink={props.incidentLink}
                      />
                    </TableCell>
                  ))}
                  <TableCell style={{ whiteSpace: 'nowrap' }}>
                    {!item.at && '–'}
                    {item.at &&
                      (props.atIsDay
                        ? item.at.slice(0, 10)
                        : formatShortDateTime(item.at))}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
