import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { useTheme } from '@material-ui/core/styles';
import { KpiValues } from '@openitsm/backstage-plugin-itsm-common';
import { formatDelta, formatKpi } from './kpiFormat';
import { kpiTrend, WEEKLY_KPI_ROWS } from './kpiRows';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** The week's KPIs against the previous week's, with the change coloured. */
export function WeeklyKpiTable(props: {
  kpis: KpiValues;
  previous: KpiValues;
}) {
  const theme = useTheme();
  const colour = {
    better: theme.palette.success?.main ?? '#2e7d32',
    worse: theme.palette.error.main,
  };
  return (
    <Table size="small" aria-label="KPIs against the previous week">
      <TableHead>
        <TableRow>
          <TableCell>KPI</TableCell>
          <TableCell align="right" style={NO_WRAP}>
            This week
          </TableCell>
          <TableCell align="right" style={NO_WRAP}>
            Previous week
          </TableCell>
          <TableCell align="right">Change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {WEEKLY_KPI_ROWS.map(row => {
          const now = row.value(props.kpis);
          const before = row.value(props.previous);
          const trend = kpiTrend(row, now, before);
          return (
            <TableRow key={row.label}>
              <TableCell component="th" scope="row">
                {row.label}
              </TableCell>
              <TableCell align="right" style={NO_WRAP}>
                {formatKpi(row.kind, now)}
              </TableCell>
              <TableCell align="right" style={NO_WRAP}>
                {formatKpi(row.kind, before)}
              </TableCell>
              <TableCell
                align="right"
                style={{
                  ...NO_WRAP,
                  ...(trend ? { color: colour[trend] } : {}),
                }}
              >
                {formatDelta(now, before, row.kind) ?? '–'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
