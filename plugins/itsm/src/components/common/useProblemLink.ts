import { useRouteRef } from '@backstage/core-plugin-api';
import { Problem } from '@openitsm/backstage-plugin-itsm-common';
import { useCallback } from 'react';
import { rootRouteRef } from '../../routes';

/** Paths under the ITSM page: the problem list and each problem's page. */
export function useProblemLink(): (problem?: Pick<Problem, 'ref'>) => string {
  const root = useRouteRef(rootRouteRef)();
  return useCallback(
    problem =>
      `${root.replace(/\/$/, '')}/problems${problem ? `/${problem.ref}` : ''}`,
    [root],
  );
}
