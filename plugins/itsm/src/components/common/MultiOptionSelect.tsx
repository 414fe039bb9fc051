import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';

/** A labelled, compact multiple-choice select over string options. */
export function MultiOptionSelect<T extends string>(props: {
  id: string;
  label: string;
  value: T[];
  options: readonly T[];
  onChange: (value: T[]) => void;
  /** How an option reads; the value itself by default. */
  format?: (option: T) => string;
  minWidth?: number;
}) {
  const { id, label, value, options, onChange, format = o => o } = props;
  return (
    <TextField
      select
      id={id}
      label={label}
      value={value}
      onChange={e => onChange(e.target.value as unknown as T[])}
      SelectProps={{
        multiple: true,
        renderValue: selected => (selected as T[]).map(format).join(', '),
      }}
      size="small"
      style={{ minWidth: props.minWidth ?? 120 }}
    >
      {options.map(option => (
        <MenuItem key={option} value={option}>
          {format(option)}
        </MenuItem>
      ))}
    </TextField>
  );
}
