import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { SlaComplianceReport } from '@openitsm/backstage-plugin-itsm-common';
import { formatCompliance } from './formatCompliance';

function Figure(props: {
  label: string;
  counts: SlaComplianceReport['response'];
}) {
  const { label, counts } = props;
  return (
    <Box flex={1} textAlign="center">
      <Typography variant="overline" component="div">
        {label}
      </Typography>
      <Typography
        variant="h4"
        component="div"
        aria-label={`${label} compliance`}
      >
        {formatCompliance(counts)}
      </Typography>
      <Typography variant="caption" color="textSecondary">
        {counts.met} met · {counts.breached} breached
      </Typography>
    </Box>
  );
}

/** Response and resolution compliance side by side. */
export function ComplianceSummary(props: { report: SlaComplianceReport }) {
  return (
    <Box display="flex" gridGap={16}>
      <Figure label="Response" counts={props.report.response} />
      <Figure label="Resolution" counts={props.report.resolution} />
    </Box>
  );
}
