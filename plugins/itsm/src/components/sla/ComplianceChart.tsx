import { useTheme } from '@material-ui/core/styles';
import { SlaComplianceReport } from '@openitsm/backstage-plugin-itsm-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { compliancePercent } from './formatCompliance';

/** Monthly response and resolution compliance, in percent. */
export function ComplianceChart(props: { report: SlaComplianceReport }) {
  const theme = useTheme();
  const data = (props.report.groups ?? []).map(group => ({
    month: group.key,
    response: compliancePercent(group.response),
    resolution: compliancePercent(group.resolution),
  }));
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="month" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 12 }} width={48} />
        <Tooltip formatter={(value: number) => `${value} %`} />
        <Legend />
        <Line
          type="monotone"
          dataKey="response"
          name="Response"
          stroke={theme.palette.primary.main}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="resolution"
          name="Resolution"
          stroke={theme.palette.secondary.main}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </ResponsiveContainer>
  );
}
