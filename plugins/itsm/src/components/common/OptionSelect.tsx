import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** A labelled single-choice select over a list of string options. */
export function OptionSelect<T extends string>(props: {
  id: string;
  label: string;
  /** `''` while nothing is chosen yet. */
  value: T | '';
  options: readonly T[];
  onChange: (value: T) => void;
  /** How an option reads; the value itself by default. */
  format?: (option: T) => string;
  required?: boolean;
  /** A problem to show under the field. */
  error?: string;
}) {
  const { id, label, value, options, onChange, format = o => o } = props;
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={e => onChange(e.target.value as T)}
      margin="dense"
      fullWidth
      required={props.required}
      error={Boolean(props.error)}
      helperText={props.error}
    >
      {options.map(option => (
        <MenuItem key={option} value={option}>
          {format(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
