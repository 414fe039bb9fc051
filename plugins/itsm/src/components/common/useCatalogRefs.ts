import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';

/** Entity refs of one kind from the catalog, for pickers. */
export function useCatalogRefs(kind: 'component' | 'user' | 'group') {
  const catalogApi = useApi(catalogApiRef);
  return useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind },
      fields: ['kind', 'metadata.name', 'metadata.namespace'],
    });
    return items
      .map(entity => stringifyEntityRef(entity).toLocaleLowerCase('en-US'))
      .sort();
  }, [catalogApi, kind]);
}
