import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';

/**
 * Title and Markdown steps of a new workaround; it applies to the problem's
 * services.
 */
export function PublishWorkaroundForm(props: {
  busy: boolean;
  onPublish: (workaround: { title: string; steps: string }) => Promise<boolean>;
}) {
  const [title, setTitle] = useState('');
  const [steps, setSteps] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.onPublish({ title, steps })) {
      setTitle('');
      setSteps('');
    }
  };
  return (
    <Box
      component="form"
      onSubmit={submit}
      mt={2}
      aria-label="Publish a workaround"
    >
      <TextField
        id="itsm-workaround-title"
        label="Workaround title"
        value={title}
        onChange={e => setTitle(e.target.value)}
        fullWidth
        margin="dense"
        inputProps={{ maxLength: 400 }}
      />
      <TextField
        id="itsm-workaround-steps"
        label="Steps (Markdown)"
        value={steps}
        onChange={e => setSteps(e.target.value)}
        fullWidth
        multiline
        minRows={3}
        margin="dense"
      />
      <Button
        type="submit"
        color="primary"
        disabled={props.busy || !title.trim() || !steps.trim()}
      >
        Publish workaround
      </Button>
    </Box>
  );
}
