import { parseEntityRef } from '@backstage/catalog-model';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useMemo } from 'react';
import { rootRouteRef } from '../../routes';

/** Paths of the on-call pages, under wherever the ITSM page is mounted. */
export function useOnCallLinks() {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  return useMemo(
    () => ({
      schedules: `${root}/oncall`,
      schedule: (id: string) =>
        `${root}/oncall/schedules/${encodeURIComponent(id)}`,
      policy: (groupRef: string) => {
        const { namespace, name } = parseEntityRef(groupRef, {
          defaultKind: 'group',
        });
        return `${root}/oncall/policies/${encodeURIComponent(
          namespace,
        )}/${encodeURIComponent(name)}`;
      },
    }),
    [root],
  );
}
