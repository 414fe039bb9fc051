import Dialog from '@material-ui/core/Dialog';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { ReportIncidentForm } from './ReportIncidentForm';

export interface ReportIncidentDialogProps {
  open: boolean;
  onClose: () => void;
  /** The service the incident is reported from: preselected and primary. */
  entityRef?: string;
  onCreated?: (incident: Incident) => void;
}

/**
 * Report an incident: the priority is derived from impact × urgency as you
 * choose them, with the configured matrix.
 */
export function ReportIncidentDialog(props: ReportIncidentDialogProps) {
  const { open, onClose, entityRef, onCreated } = props;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <ReportIncidentForm
        onClose={onClose}
        entityRef={entityRef}
        onCreated={onCreated}
      />
    </Dialog>
  );
}
