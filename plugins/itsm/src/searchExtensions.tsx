import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  isItsmSearchType,
  ITSM_SEARCH_TYPES,
} from '@openitsm/backstage-plugin-itsm-common';
import { ItsmRecordKindIcon } from './components/search/recordKinds';

/** ITSM records among search results (the `itsm-*` types). */
export const searchResultListItem = SearchResultListItemBlueprint.make({
  params: {
    predicate: result => isItsmSearchType(result.type),
    component: () =>
      import('./components/search').then(m => m.ItsmSearchResultListItem),
  },
});

const searchResultTypes = [
  {
    name: 'incidents',
    value: ITSM_SEARCH_TYPES.incident,
    label: 'Incidents',
    kind: 'incident',
  },
  {
    name: 'problems',
    value: ITSM_SEARCH_TYPES.problem,
    label: 'Problems and known errors',
    kind: 'problem',
  },
  {
    name: 'workarounds',
    value: ITSM_SEARCH_TYPES.workaround,
    label: 'Workarounds',
    kind: 'workaround',
  },
  {
    name: 'reviews',
    value: ITSM_SEARCH_TYPES.review,
    label: 'Post-incident reviews',
    kind: 'review',
  },
] as const;

/** The search page's result type filter, one per ITSM type. */
export const searchResultTypeFilters = searchResultTypes.map(type =>
  SearchFilterResultTypeBlueprint.make({
    name: type.name,
    params: {
      value: type.value,
      name: type.label,
      icon: <ItsmRecordKindIcon kind={type.kind} />,
    },
  }),
);
