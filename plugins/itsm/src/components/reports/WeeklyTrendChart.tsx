import { useTheme } from '@material-ui/core/styles';
import { WeeklyReview } from '@openitsm/backstage-plugin-itsm-common';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const hours = (ms: number | null) =>
  ms === null ? null : Math.round(ms / 360_000) / 10;

/**
 * The 12 weeks up to the reviewed one: volumes as bars, the median MTTR
 * (hours) as a line on the right axis.
 */
export function WeeklyTrendChart(props: { trend: WeeklyReview['trend'] }) {
  const theme = useTheme();
  const data = props.trend.map(t => ({
    week: t.week.slice(5),
    opened: t.kpis.opened,
    resolved: t.kpis.resolved,
    mttr: hours(t.kpis.mttr.medianMs),
  }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart
        data={data}
        margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} />
        <YAxis
          yAxisId="count"
          allowDecimals={false}
          tick={{ fontSize: 12 }}
          width={40}
        />
        <YAxis
          yAxisId="time"
          orientation="right"
          unit=" h"
          tick={{ fontSize: 12 }}
          width={48}
        />
        <Tooltip />
        <Legend />
        <Bar
          yAxisId="count"
          dataKey="opened"
          name="Opened"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="resolved"
          name="Resolved"
          fill={theme.palette.secondary.main}
          isAnimationActive={false}
        />
        <Line
          yAxisId="time"
          dataKey="mttr"
          name="MTTR (median)"
          stroke={theme.palette.warning?.main ?? '#ef6c00'}
          connectNulls
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
