import { useRouteRef } from '@backstage/core-plugin-api';
import { Change } from '@openitsm/backstage-plugin-itsm-common';
import { useCallback } from 'react';
import { rootRouteRef } from '../../routes';

/** The change page's path, under wherever the ITSM page is mounted. */
export function useChangeLink(): (change: Pick<Change, 'ref'>) => string {
  const root = useRouteRef(rootRouteRef)();
  return useCallback(
    change => `${root.replace(/\/$/, '')}/changes/${change.ref}`,
    [root],
  );
}
