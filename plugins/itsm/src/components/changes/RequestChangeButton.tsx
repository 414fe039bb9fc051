import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import {
  Change,
  itsmChangeCreatePermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { useAllowed } from '../common/useAllowed';
import { RequestChangeForm } from './RequestChangeForm';

/** "Request change", opening the request dialog (from a service, if given). */
export function RequestChangeButton(props: {
  entityRef?: string;
  onCreated?: (change: Change) => void;
}) {
  const [open, setOpen] = useState(false);
  if (!useAllowed(itsmChangeCreatePermission)) return null;
  return (
    <>
      <Button color="primary" variant="contained" onClick={() => setOpen(true)}>
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
            entityRef={props.entityRef}
            onClose={() => setOpen(false)}
            onCreated={props.onCreated}
          />
        )}
      </Dialog>
    </>
  );
}
