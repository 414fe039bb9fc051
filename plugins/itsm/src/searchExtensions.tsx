import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  isItsmSearchType,
  ITSM_SEARCH_TYPES,
  ItsmSearchRecordKind,
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

function resultType<TName extends string>(
  name: TName,
  value: string,
  label: string,
  kind: ItsmSearchRecordKind,
) {
  return SearchFilterResultTypeBlueprint.make({
    name,
    params: { value, name: label, icon: <ItsmRecordKindIcon kind={kind} /> },
  });
}

/** The search page's result type filter, one per ITSM type. */
export const searchResultTypeFilters = [
  resultType('incidents', ITSM_SEARCH_TYPES.incident, 'Incidents', 'incident'),
  resultType('problems', ITSM_SEARCH_TYPES.problem, 'Problems', 'problem'),
  resultType(
    'workarounds',
    ITSM_SEARCH_TYPES.workaround,
    'Workarounds',
    'workaround',
  ),
  resultType(
    'reviews',
    ITSM_SEARCH_TYPES.review,
    'Post-incident reviews',
    'review',
  ),
] as const;
