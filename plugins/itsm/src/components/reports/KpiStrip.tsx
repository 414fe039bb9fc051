import { ReactNode } from 'react';
import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import { formatDelta, formatKpi } from './kpiFormat';
import { KPI_ROWS, KpiRow, kpiTrend } from './kpiRows';
import { useKpiComparison } from './useKpiComparison';
import { ReadErrorPanel } from '../common/ReadErrorPanel';

const DAYS = 30;
const COMPARED: KpiRow[] = [
  KPI_ROWS.opened,
  KPI_ROWS.mttr,
  KPI_ROWS.slaResolution,
  KPI_ROWS.reopenRate,
];

function Figure(props: { label: string; value: string; children?: ReactNode }) {
  return (
    <Box minWidth={120} flex="1 1 0">
      <Typography variant="caption" color="textSecondary" component="div">
        {props.label}
      </Typography>
      <Typography variant="h5" component="div">
        {props.value}
      </Typography>
      {props.children}
    </Box>
  );
}

/**
 * A compact row of KPIs of a service or an assigned group, the last 30 days
 * against the 30 before: open backlog, opened, MTTR, SLA resolution
 * compliance and reopen rate.
 */
export function KpiStrip(props: { entityRef?: string; group?: string }) {
  const theme = useTheme();
  const { value, loading, error } = useKpiComparison({
    entityRef: props.entityRef,
    group: props.group,
    days: DAYS,
  });
  if (loading) return <Progress />;
  if (error) return <ReadErrorPanel error={error} />;
  if (!value) return null;
  const { current, previous } = value;
  if (
    current.totals.opened === 0 &&
    previous.totals.opened === 0 &&
    current.backlog.open === 0 &&
    current.totals.resolved === 0
  ) {
    return (
      <Typography variant="body2" color="textSecondary">
        No incidents in the last {2 * DAYS} days.
      </Typography>
    );
  }
  const colour = {
    better: theme.palette.success?.main ?? '#2e7d32',
    worse: theme.palette.error.main,
  };
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      style={{ gap: 16 }}
      aria-label={`KPIs of the last ${DAYS} days`}
      role="group"
    >
      <Figure label="Open now" value={String(current.backlog.open)} />
      {COMPARED.map(row => {
        const now = row.value(current.totals);
        const before = row.value(previous.totals);
        const delta = formatDelta(now, before, row.kind);
        const trend = kpiTrend(row, now, before);
        return (
          <Figure
            key={row.label}
            label={row.label}
            value={formatKpi(row.kind, now)}
          >
            <Typography
              variant="caption"
              component="div"
              style={trend ? { color: colour[trend] } : undefined}
            >
              {delta
                ? `${delta} vs previous ${DAYS} days`
                : `previous ${DAYS} days: ${formatKpi(row.kind, before)}`}
            </Typography>
          </Figure>
        );
      })}
    </Box>
  );
}
