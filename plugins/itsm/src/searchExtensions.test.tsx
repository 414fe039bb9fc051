import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  SearchFilterResultTypeBlueprint,
  SearchResultListItemBlueprint,
} from '@backstage/plugin-search-react/alpha';
import {
  searchResultListItem,
  searchResultTypeFilters,
} from './searchExtensions';

describe('ITSM search extensions (new frontend system)', () => {
  it('renders the results of the itsm-* types only', () => {
    const { predicate } = createExtensionTester(searchResultListItem).get(
      SearchResultListItemBlueprint.dataRefs.item,
    );
    const result = (type: string) => ({
      type,
      document: { title: '', text: '', location: '' },
    });
    expect(predicate!(result('itsm-problem'))).toBe(true);
    expect(predicate!(result('itsm-incident'))).toBe(true);
    expect(predicate!(result('itsm-review'))).toBe(true);
    expect(predicate!(result('itsm-workaround'))).toBe(true);
    expect(predicate!(result('software-catalog'))).toBe(false);
  });

  it('offers one result type filter per ITSM type', () => {
    expect(
      searchResultTypeFilters.map(filter => {
        // They differ only in their names
        const same = filter as (typeof searchResultTypeFilters)[0];
        const { value, name } = createExtensionTester(same).get(
          SearchFilterResultTypeBlueprint.dataRefs.resultType,
        );
        return [value, name];
      }),
    ).toEqual([
      ['itsm-incident', 'Incidents'],
      ['itsm-problem', 'Problems'],
      ['itsm-workaround', 'Workarounds'],
      ['itsm-review', 'Post-incident reviews'],
    ]);
  });
});
