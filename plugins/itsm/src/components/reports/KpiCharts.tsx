import { useTheme } from '@material-ui/core/styles';
import { KpiReport } from '@openitsm/backstage-plugin-itsm-common';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

const hours = (ms: number | null) =>
  ms === null ? null : Math.round(ms / 360_000) / 10;

/** Opened and resolved incidents per ISO week. */
export function VolumeByWeekChart(props: { report: KpiReport }) {
  const theme = useTheme();
  const data = (props.report.groups ?? []).map(g => ({
    week: g.key,
    opened: g.kpis.opened,
    resolved: g.kpis.resolved,
  }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
        <Tooltip />
        <Legend />
        <Bar
          dataKey="opened"
          name="Opened"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
        <Bar
          dataKey="resolved"
          name="Resolved"
          fill={theme.palette.secondary.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Opened incidents per priority. */
export function VolumeByPriorityChart(props: { report: KpiReport }) {
  const theme = useTheme();
  const data = (props.report.groups ?? []).map(g => ({
    priority: g.key,
    opened: g.kpis.opened,
  }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="priority" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
        <Tooltip />
        <Bar
          dataKey="opened"
          name="Opened"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}

/** Median MTTA and MTTR per week, in hours. */
export function ResponseTimesChart(props: { report: KpiReport }) {
  const theme = useTheme();
  const data = (props.report.groups ?? []).map(g => ({
    week: g.key,
    mtta: hours(g.kpis.mtta.medianMs),
    mttr: hours(g.kpis.mttr.medianMs),
  }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="week" tick={{ fontSize: 12 }} />
        <YAxis unit=" h" tick={{ fontSize: 12 }} width={56} />
        <Tooltip formatter={(value: number) => `${value} h`} />
        <Legend />
        <Line
          dataKey="mtta"
          name="MTTA (median)"
          stroke={theme.palette.primary.main}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="mttr"
          name="MTTR (median)"
          stroke={theme.palette.secondary.main}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

const AGE_LABELS: Record<string, string> = {
  lt1d: '< 1 day',
  '1to3d': '1–3 days',
  '3to7d': '3–7 days',
  '7to30d': '7–30 days',
  gt30d: '> 30 days',
};

/** Open incidents now, by age. */
export function BacklogChart(props: { report: KpiReport }) {
  const theme = useTheme();
  const data = Object.entries(props.report.backlog.byAge).map(
    ([bucket, count]) => ({ age: AGE_LABELS[bucket] ?? bucket, count }),
  );
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="age" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
        <Tooltip />
        <Bar
          dataKey="count"
          name="Open incidents"
          fill={theme.palette.primary.main}
          isAnimationActive={false}
        />
      </BarChart>
    </ResponsiveContainer>
  );
}
