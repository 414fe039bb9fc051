import AssignmentIcon from '@material-ui/icons/Assignment';
import BugReportIcon from '@material-ui/icons/BugReport';
import BuildIcon from '@material-ui/icons/Build';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { ItsmSearchRecordKind } from '@openitsm/backstage-plugin-itsm-common';

/** What each kind of ITSM record is called on a search result. */
export const RECORD_KIND_LABELS: Record<ItsmSearchRecordKind, string> = {
  incident: 'Incident',
  problem: 'Problem',
  'known-error': 'Known error',
  workaround: 'Workaround',
  review: 'Post-incident review',
};

/** The icon of a kind of ITSM record. */
export function ItsmRecordKindIcon(props: { kind: ItsmSearchRecordKind }) {
  switch (props.kind) {
    case 'incident':
      return <ReportProblemIcon />;
    case 'workaround':
      return <BuildIcon />;
    case 'review':
      return <AssignmentIcon />;
    default:
      return <BugReportIcon />;
  }
}
