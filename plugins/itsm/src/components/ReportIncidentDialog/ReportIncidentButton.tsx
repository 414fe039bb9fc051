import Button from '@material-ui/core/Button';
import {
  Incident,
  itsmIncidentCreatePermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useAllowed } from '../common/useAllowed';
import { ReportIncidentDialog } from './ReportIncidentDialog';

/** "Report incident", opening the report dialog (from a service, if given). */
export function ReportIncidentButton(props: {
  entityRef?: string;
  onCreated?: (incident: Incident) => void;
  variant?: 'contained' | 'outlined';
  size?: 'small' | 'medium';
}) {
  const [open, setOpen] = useState(false);
  if (!useAllowed(itsmIncidentCreatePermission)) return null;
  return (
    <>
      <Button
        color="primary"
        variant={props.variant ?? 'contained'}
        size={props.size}
        onClick={() => setOpen(true)}
      >
        Report incident
      </Button>
      <ReportIncidentDialog
        open={open}
        entityRef={props.entityRef}
        onClose={() => setOpen(false)}
        onCreated={props.onCreated}
      />
    </>
  );
}
