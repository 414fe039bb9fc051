import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

/** What a picker is given. */
export interface RecordPickerProps<T> {
  id: string;
  label: string;
  value: T | null;
  onChange: (value: T | null) => void;
  search: (text: string) => Promise<T[]>;
  optionKey: (option: T) => string;
  optionLabel: (option: T) => string;
  renderOption?: (option: T) => ReactNode;
  placeholder?: string;
  helperText?: ReactNode;
  disabled?: boolean;
  required?: boolean;
  size?: 'small' | 'medium';
  fullWidth?: boolean;
}

/**
 * Search-as-you-type over records or entities: what you type is sent to
 * `search` (debounced) and the matches are offered by their label.
 */
export function RecordPicker<T>(props: RecordPickerProps<T>) {
  const [input, setInput] = useState('');
  const [text, setText] = useState('');
  useDebounce(() => setText(input.trim()), 250, [input]);
  const { search } = props;
  // Searched only while the list is open: a page of pickers sends nothing
  const [open, setOpen] = useState(false);
  const options = useAsync(
    async () => (open ? search(text) : []),
    [search, text, open],
  );
  return (
    <Autocomplete<T>
      id={props.id}
      value={props.value}
      onChange={(_, value) => props.onChange(value)}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      inputValue={input}
      onInputChange={(_, value) => setInput(value)}
      options={options.value ?? []}
      loading={options.loading}
      // The server already matched the text: do not filter again
      filterOptions={o => o}
      getOptionLabel={props.optionLabel}
      getOptionSelected={(a, b) => props.optionKey(a) === props.optionKey(b)}
      renderOption={props.renderOption ?? props.optionLabel}
      disabled={props.disabled}
      fullWidth={props.fullWidth ?? true}
      size={props.size}
      noOptionsText={options.error ? 'Search failed' : 'No matches'}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          placeholder={props.placeholder}
          helperText={props.helperText}
          required={props.required}
          margin="dense"
          InputProps={{
            ...params.InputProps,
            endAdornment: (
              <>
                {options.loading ? <CircularProgress size={16} /> : null}
                {params.InputProps.endAdornment}
              </>
            ),
          }}
        />
      )}
    />
  );
}
