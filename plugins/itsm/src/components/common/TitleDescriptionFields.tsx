import TextField from '@material-ui/core/TextField';

/** The required title and free-text description of a new record. */
export function TitleDescriptionFields(props: {
  /** Prefix of the fields' ids: `<idPrefix>-title`, `<idPrefix>-description`. */
  idPrefix: string;
  title: string;
  onTitleChange: (title: string) => void;
  description: string;
  onDescriptionChange: (description: string) => void;
}) {
  return (
    <>
      <TextField
        id={`${props.idPrefix}-title`}
        label="Title"
        value={props.title}
        onChange={e => props.onTitleChange(e.target.value)}
        required
        fullWidth
        margin="dense"
        inputProps={{ maxLength: 400 }}
      />
      <TextField
        id={`${props.idPrefix}-description`}
        label="Description"
        value={props.description}
        onChange={e => props.onDescriptionChange(e.target.value)}
        fullWidth
        multiline
        minRows={3}
        margin="dense"
      />
    </>
  );
}
