import Box from '@material-ui/core/Box';
import {
  PROBLEM_STATUSES,
  ProblemStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import { MultiOptionSelect } from '../common/MultiOptionSelect';
import { OptionSelect } from '../common/OptionSelect';
import { FilterBar } from '../common/FilterBar';
import { FilterTextField } from '../common/FilterTextField';
import { humanize } from '../common/humanize';

export interface ProblemFilterValues {
  status: ProblemStatus[];
  entityRef: string;
  ownerGroup: string;
  /** '' for any age, else a number of days */
  minAgeDays: string;
  q: string;
}

export const EMPTY_PROBLEM_FILTERS: ProblemFilterValues = {
  status: [],
  entityRef: '',
  ownerGroup: '',
  minAgeDays: '',
  q: '',
};

const AGES = ['', '7', '30', '90'] as const;

/** Status, service (estate-wide), owner group, age and free text. */
export function ProblemFilters(props: {
  value: ProblemFilterValues;
  onChange: (value: ProblemFilterValues) => void;
  showServiceFilter?: boolean;
}) {
  const { value, onChange } = props;
  const set = (patch: Partial<ProblemFilterValues>) =>
    onChange({ ...value, ...patch });
  return (
    <FilterBar>
      <FilterTextField
        id="itsm-problem-filter-search"
        label="Search"
        placeholder="Ref or title"
        value={value.q}
        onChange={q => set({ q })}
      />
      <MultiOptionSelect
        id="itsm-problem-filter-status"
        label="Status"
        value={value.status}
        options={PROBLEM_STATUSES}
        onChange={status => set({ status })}
        format={humanize}
        minWidth={160}
      />
      {props.showServiceFilter && (
        <FilterTextField
          id="itsm-problem-filter-service"
          label="Service"
          placeholder="component:default/payments-api"
          value={value.entityRef}
          onChange={entityRef => set({ entityRef })}
        />
      )}
      <FilterTextField
        id="itsm-problem-filter-group"
        label="Owner group"
        placeholder="group:default/sre"
        value={value.ownerGroup}
        onChange={ownerGroup => set({ ownerGroup })}
      />
      <Box minWidth={160}>
        <OptionSelect
          id="itsm-problem-filter-age"
          label="Age"
          value={value.minAgeDays as (typeof AGES)[number]}
          options={AGES}
          onChange={minAgeDays => set({ minAgeDays })}
          format={days => (days ? `Older than ${days} days` : 'Any age')}
        />
      </Box>
    </FilterBar>
  );
}
