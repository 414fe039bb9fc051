import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * Entity refs are stored lower-cased and fully qualified, as the catalog
 * compares them case-insensitively.
 */
export function normalizeEntityRef(
  ref: string,
  defaultKind = 'component',
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' }),
  ).toLocaleLowerCase('en-US');
}
