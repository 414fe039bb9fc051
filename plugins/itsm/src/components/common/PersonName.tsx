import { parseEntityRef } from '@backstage/catalog-model';
import { EntityRefLink } from '@backstage/plugin-catalog-react';

/**
 * Who did something, as people read it: a catalog user or group by its
 * display name (linked); anything else (a service principal, an ingestion
 * source) as written.
 */
export function PersonName(props: { entityRef: string }) {
  let kind: string | undefined;
  try {
    kind = parseEntityRef(props.entityRef).kind.toLocaleLowerCase('en-US');
  } catch {
    kind = undefined;
  }
  if (kind !== 'user' && kind !== 'group') return <>{props.entityRef}</>;
  return <EntityRefLink entityRef={props.entityRef} />;
}
