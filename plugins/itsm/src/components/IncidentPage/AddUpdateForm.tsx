import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { FormEvent, useState } from 'react';

/** Post a free-text update to the timeline. */
export function AddUpdateForm(props: {
  busy: boolean;
  onSubmit: (message: string) => Promise<boolean>;
}) {
  const [message, setMessage] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await props.onSubmit(message)) setMessage('');
  };
  return (
    <form onSubmit={submit}>
      <Box display="flex" gridGap={8} alignItems="flex-start">
        <TextField
          id="itsm-add-update"
          label="Add an update"
          value={message}
          onChange={e => setMessage(e.target.value)}
          fullWidth
          multiline
          size="small"
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={props.busy || !message.trim()}
        >
          Post
        </Button>
      </Box>
    </form>
  );
}
