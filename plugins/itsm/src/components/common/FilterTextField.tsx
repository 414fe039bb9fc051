import TextField from '@material-ui/core/TextField';

/** A small free-text filter (search, service ref, owner group). */
export function FilterTextField(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <TextField
      id={props.id}
      label={props.label}
      placeholder={props.placeholder}
      value={props.value}
      onChange={e => props.onChange(e.target.value)}
      size="small"
    />
  );
}
