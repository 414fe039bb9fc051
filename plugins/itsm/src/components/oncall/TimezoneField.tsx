import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { useMemo } from 'react';
import { knownTimezones } from './timezones';

/** An IANA timezone picker. */
export function TimezoneField(props: {
  id: string;
  value: string;
  onChange: (timezone: string) => void;
  error?: string;
}) {
  const known = useMemo(knownTimezones, []);
  // UTC and aliases such as Asia/Calcutta are valid but not always listed
  const options = known.includes(props.value) ? known : [props.value, ...known];
  return (
    <Autocomplete
      id={props.id}
      options={options}
      value={props.value}
      disableClearable
      onChange={(_e, value) => props.onChange(value)}
      renderInput={params => (
        <TextField
          {...params}
          label="Timezone"
          margin="dense"
          required
          error={Boolean(props.error)}
          helperText={props.error}
        />
      )}
    />
  );
}
