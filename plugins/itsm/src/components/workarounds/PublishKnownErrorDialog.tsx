import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Dialog from '@material-ui/core/Dialog';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';
import { PublishWorkaroundForm } from './PublishWorkaroundForm';

/** A standalone known error (a workaround with no problem) on a service. */
export function PublishKnownErrorDialog(props: {
  open: boolean;
  entityRef: string;
  onClose: () => void;
  onPublished: () => void;
}) {
  const api = useApi(itsmApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  return (
    <Dialog open={props.open} onClose={props.onClose} fullWidth maxWidth="sm">
      <DialogTitle>Publish a known error</DialogTitle>
      <DialogContent>
        {error && (
          <Box mb={1}>
            <Alert severity="error">{error}</Alert>
          </Box>
        )}
        <PublishWorkaroundForm
          busy={busy}
          onPublish={async ({ title, steps }) => {
            setBusy(true);
            setError(undefined);
            try {
              await api.createWorkaround({
                title,
                steps,
                affectedServices: [props.entityRef],
              });
              props.onPublished();
              props.onClose();
              return true;
            } catch (e) {
              setError(errorMessage(e));
              return false;
            } finally {
              setBusy(false);
            }
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
