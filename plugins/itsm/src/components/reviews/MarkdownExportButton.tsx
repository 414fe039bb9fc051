import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { useState } from 'react';
import { itsmApiRef } from '../../api';
import { errorMessage } from '../common/errorMessage';

/** The review as Markdown in a dialog, to copy into a wiki or TechDocs. */
export function MarkdownExportButton(props: { incidentId: string }) {
  const api = useApi(itsmApiRef);
  const [markdown, setMarkdown] = useState<string>();
  const [error, setError] = useState<string>();
  const open = async () => {
    setError(undefined);
    try {
      setMarkdown(await api.getReviewMarkdown(props.incidentId));
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <>
      <Button variant="outlined" onClick={open}>
        Export Markdown
      </Button>
      {error && <Alert severity="error">{error}</Alert>}
      <Dialog
        open={markdown !== undefined}
        onClose={() => setMarkdown(undefined)}
        fullWidth
        maxWidth="md"
      >
        <DialogTitle>Review as Markdown</DialogTitle>
        <DialogContent>
          <TextField
            value={markdown ?? ''}
            multiline
            minRows={12}
            maxRows={24}
            fullWidth
            variant="outlined"
            inputProps={{ 'aria-label': 'Markdown', readOnly: true }}
          />
        </DialogContent>
        <DialogActions>
          <Button
            onClick={() => navigator.clipboard?.writeText(markdown ?? '')}
          >
            Copy
          </Button>
          <Button onClick={() => setMarkdown(undefined)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
