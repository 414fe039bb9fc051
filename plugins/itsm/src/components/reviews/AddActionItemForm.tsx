import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import { CreateActionItemRequest } from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';

/** A new action item of the review: what, who (user or group), by when. */
export function AddActionItemForm(props: {
  busy: boolean;
  onAdd: (
    request: Omit<CreateActionItemRequest, 'incident'>,
  ) => Promise<boolean>;
}) {
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const ready = title.trim() && owner.trim() && dueDate;
  return (
    <Box
      component="form"
      display="flex"
      flexWrap="wrap"
      gridGap={8}
      alignItems="center"
      mt={2}
      onSubmit={async (e: React.FormEvent) => {
        e.preventDefault();
        if (!ready) return;
        const added = await props.onAdd({
          title: title.trim(),
          owner: owner.trim(),
          dueDate,
        });
        if (added) {
          setTitle('');
          setOwner('');
          setDueDate('');
        }
      }}
    >
      <TextField
        id="action-item-title"
        label="New action item"
        value={title}
        onChange={e => setTitle(e.target.value)}
        size="small"
        variant="outlined"
        style={{ flex: '2 1 240px' }}
      />
      <TextField
        id="action-item-owner"
        label="Owner (user or group)"
        placeholder="group:default/sre"
        value={owner}
        onChange={e => setOwner(e.target.value)}
        size="small"
        variant="outlined"
        style={{ flex: '1 1 180px' }}
      />
      <TextField
        id="action-item-due"
        label="Due"
        type="date"
        value={dueDate}
        onChange={e => setDueDate(e.target.value)}
        size="small"
        variant="outlined"
        InputLabelProps={{ shrink: true }}
      />
      <Button
        type="submit"
        variant="outlined"
        color="primary"
        disabled={!ready || props.busy}
      >
        Add action item
      </Button>
    </Box>
  );
}
