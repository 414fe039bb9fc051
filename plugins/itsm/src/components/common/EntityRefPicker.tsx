import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  EntityDisplayName,
} from '@backstage/plugin-catalog-react';
import Chip from '@material-ui/core/Chip';
import CircularProgress from '@material-ui/core/CircularProgress';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import { ReactNode, useRef, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.profile.displayName',
];

/** How a person reads an entity: its title or display name, else its name. */
function displayName(entity: Entity): string {
  const profile = (entity.spec as { profile?: { displayName?: string } })
    ?.profile;
  return profile?.displayName ?? entity.metadata.title ?? entity.metadata.name;
}

interface CommonProps {
  id: string;
  label: string;
  /** Catalog kinds offered, e.g. `['user']` or `['component', 'resource']`. */
  kinds: string[];
  helperText?: ReactNode;
  required?: boolean;
  disabled?: boolean;
  size?: 'small' | 'medium';
}

/**
 * Picks catalog entities by typing part of their name or title: the catalog
 * is searched as you type, and entities read by their display names.
 * `multiple` holds a list of refs, otherwise one ref or null.
 */
export function EntityRefPicker(
  props: CommonProps &
    (
      | {
          multiple: true;
          value: string[];
          onChange: (refs: string[]) => void;
        }
      | {
          multiple?: false;
          value: string | null;
          onChange: (ref: string | null) => void;
        }
    ),
) {
  const catalogApi = useApi(catalogApiRef);
  const [input, setInput] = useState('');
  const [term, setTerm] = useState('');
  useDebounce(() => setTerm(input.trim()), 250, [input]);
  // Names of what was offered or picked, so refs read by name
  const names = useRef(new Map<string, string>());
  const { kinds } = props;
  const values: string[] = [];
  if (props.multiple) values.push(...props.value);
  else if (props.value) values.push(props.value);
  const picked = values.filter(ref => !names.current.has(ref));
  const pickedNames = useAsync(async () => {
    if (!picked.length) return 0;
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: picked,
      fields: FIELDS,
    });
    items.forEach((entity, i) => {
      if (entity) names.current.set(picked[i], displayName(entity));
    });
    return items.length;
  }, [catalogApi, picked.join()]);
  // Searched only while the list is open: a page of pickers sends nothing
  const [open, setOpen] = useState(false);
  const found = useAsync(async () => {
    if (!open) return [];
    const { items } = await catalogApi.queryEntities({
      filter: { kind: kinds },
      fields: FIELDS,
      limit: 20,
      ...(term
        ? {
            fullTextFilter: {
              term,
              fields: ['metadata.name', 'metadata.title'],
            },
          }
        : {}),
    });
    return items.map(entity => {
      const ref = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
      names.current.set(ref, displayName(entity));
      return ref;
    });
  }, [catalogApi, kinds.join(), term, open]);

  const label = (ref: string) => names.current.get(ref) ?? ref;
  const renderInput = (params: any) => (
    <TextField
      {...params}
      label={props.label}
      helperText={props.helperText}
      required={props.required}
      margin="dense"
      InputProps={{
        ...params.InputProps,
        endAdornment: (
          <>
            {found.loading ? <CircularProgress size={16} /> : null}
            {params.InputProps.endAdornment}
          </>
        ),
      }}
    />
  );
  const common = {
    id: props.id,
    open,
    onOpen: () => setOpen(true),
    onClose: () => setOpen(false),
    options: found.value ?? [],
    loading: found.loading,
    filterOptions: (o: string[]) => o,
    inputValue: input,
    onInputChange: (_: unknown, value: string) => setInput(value),
    getOptionLabel: label,
    renderOption: (ref: string) => (
      <EntityDisplayName entityRef={ref} disableTooltip />
    ),
    disabled: props.disabled,
    size: props.size,
    fullWidth: true,
    noOptionsText: found.error ? 'Catalog search failed' : 'No matches',
    renderInput,
  };
  if (props.multiple) {
    const { onChange } = props;
    return (
      <Autocomplete<string, true>
        {...common}
        multiple
        value={props.value}
        onChange={(_, value) => onChange(value)}
        renderTags={(refs, getTagProps) =>
          refs.map((ref, index) => (
            <Chip
              {...getTagProps({ index })}
              key={ref}
              size="small"
              label={<EntityDisplayName entityRef={ref} disableTooltip />}
            />
          ))
        }
      />
    );
  }
  const { onChange } = props;
  return (
    <Autocomplete<string>
      {...common}
      // Re-read the input's text once the picked entity's name is known
      key={pickedNames.loading ? 'resolving' : 'resolved'}
      value={props.value}
      onChange={(_, value) => onChange(value)}
    />
  );
}
