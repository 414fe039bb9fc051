import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import {
  Change,
  itsmChangeCreatePermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useAllowed } from '../common/useAllowed';
import { RequestChangeForm } from './RequestChangeForm';

/**
 * "Request change", opening the request dialog, prefilled with a service
 * (`entityRef`) or with a problem's services and the problem it fixes.
 */
export function RequestChangeButton(props: {
  entityRef?: string;
  services?: string[];
  problemRef?: string;
  variant?: 'contained' | 'outlined';
  onCreated?: (change: Change) => void;
}) {
  const [open, setOpen] = useState(false);
  if (!useAllowed(itsmChangeCreatePermission)) return null;
  return (
    <>
      <Button
        color="primary"
        variant={props.variant ?? 'contained'}
        onClick={() => setOpen(true)}
      >
        Request change
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="sm"
      >
        {open && (
          <RequestChangeForm
            services={
              props.services ?? (props.entityRef ? [props.entityRef] : [])
            }
            problemRef={props.problemRef}
            onClose={() => setOpen(false)}
            onCreated={props.onCreated}
          />
        )}
      </Dialog>
    </>
  );
}
