import { useRouteRef } from '@backstage/core-plugin-api';
import { Incident } from '@openitsm/backstage-plugin-itsm-common';
import { useCallback } from 'react';
import { rootRouteRef } from '../../routes';

/** The incident page's path, under wherever the ITSM page is mounted. */
export function useIncidentLink(): (incident: Pick<Incident, 'ref'>) => string {
  const root = useRouteRef(rootRouteRef)();
  return useCallback(
    incident => `${root.replace(/\/$/, '')}/incidents/${incident.ref}`,
    [root],
  );
}
