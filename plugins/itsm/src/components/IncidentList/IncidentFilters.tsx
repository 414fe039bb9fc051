import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import MenuItem from '@material-ui/core/MenuItem';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import {
  INCIDENT_STATUSES,
  IncidentStatus,
  PRIORITIES,
  Priority,
} from '@openitsm/backstage-plugin-itsm-common';
import { FilterBar } from '../common/FilterBar';
import { FilterTextField } from '../common/FilterTextField';
import { humanize } from '../common/humanize';
import { MultiOptionSelect } from '../common/MultiOptionSelect';
import { EntityRefPicker } from '../common/EntityRefPicker';
import { useItsmConfig } from '../ReportIncidentDialog/usePriorityMatrix';

export interface IncidentFilterValues {
  status: IncidentStatus[];
  priority: Priority[];
  /** YYYY-MM-DD, inclusive */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
  q: string;
  slaBreached: boolean;
  entityRef: string;
  /** Group ref, or '' for any. */
  assignedGroup: string;
  /** User ref, or '' for anyone. */
  assignee: string;
  /** '' for any. */
  category: string;
}

export const EMPTY_FILTERS: IncidentFilterValues = {
  status: [],
  priority: [],
  from: '',
  to: '',
  q: '',
  slaBreached: false,
  entityRef: '',
  assignedGroup: '',
  assignee: '',
  category: '',
};

/**
 * Status, priority, category, assigned group and assignee, date range, free
 * text (and service, estate-wide).
 */
export function IncidentFilters(props: {
  value: IncidentFilterValues;
  onChange: (value: IncidentFilterValues) => void;
  showServiceFilter?: boolean;
}) {
  const { value, onChange } = props;
  const { categories } = useItsmConfig();
  const set = (patch: Partial<IncidentFilterValues>) =>
    onChange({ ...value, ...patch });
  return (
    <FilterBar>
      <FilterTextField
        id="itsm-filter-search"
        label="Search"
        placeholder="Ref, title or description"
        value={value.q}
        onChange={q => set({ q })}
      />
      {props.showServiceFilter && (
        <FilterTextField
          id="itsm-filter-service"
          label="Service"
          placeholder="component:default/payments-api"
          value={value.entityRef}
          onChange={entityRef => set({ entityRef })}
        />
      )}
      <MultiOptionSelect
        id="itsm-filter-status"
        label="Status"
        value={value.status}
        options={INCIDENT_STATUSES}
        onChange={status => set({ status })}
        format={humanize}
        minWidth={160}
      />
      <MultiOptionSelect
        id="itsm-filter-priority"
        label="Priority"
        value={value.priority}
        options={PRIORITIES}
        onChange={priority => set({ priority })}
      />
      <TextField
        select
        id="itsm-filter-category"
        label="Category"
        value={value.category}
        onChange={e => set({ category: e.target.value })}
        size="small"
        style={{ minWidth: 140 }}
      >
        <MenuItem value="">Any</MenuItem>
        {categories.map(category => (
          <MenuItem key={category} value={category}>
            {humanize(category)}
          </MenuItem>
        ))}
      </TextField>
      <Box width={200}>
        <EntityRefPicker
          id="itsm-filter-group"
          label="Assigned group"
          kinds={['group']}
          size="small"
          value={value.assignedGroup || null}
          onChange={ref => set({ assignedGroup: ref ?? '' })}
        />
      </Box>
      <Box width={200}>
        <EntityRefPicker
          id="itsm-filter-assignee"
          label="Assignee"
          kinds={['user']}
          size="small"
          value={value.assignee || null}
          onChange={ref => set({ assignee: ref ?? '' })}
        />
      </Box>
      <TextField
        id="itsm-filter-from"
        label="From"
        type="date"
        value={value.from}
        onChange={e => set({ from: e.target.value })}
        InputLabelProps={{ shrink: true }}
        size="small"
      />
      <TextField
        id="itsm-filter-to"
        label="To"
        type="date"
        value={value.to}
        onChange={e => set({ to: e.target.value })}
        InputLabelProps={{ shrink: true }}
        size="small"
      />
      <FormControlLabel
        control={
          <Checkbox
            checked={value.slaBreached}
            onChange={e => set({ slaBreached: e.target.checked })}
          />
        }
        label="SLA breached"
      />
    </FilterBar>
  );
}
