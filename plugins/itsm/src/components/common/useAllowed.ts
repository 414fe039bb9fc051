import {
  BasicPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import { usePermission } from '@backstage/plugin-permission-react';

/**
 * Whether the signed-in user may take an action, as the permission policy
 * decides it: `undefined` while it is asked (or while the record a resource
 * permission is about is still loading: `resourceRef` undefined), then
 * `true` or `false`. The UI offers only what the backend would accept; the
 * backend still checks every request.
 */
export function useAllowed(
  permission: Permission,
  resourceRef?: string,
): boolean | undefined {
  const { loading, allowed } = usePermission(
    permission.type === 'resource'
      ? { permission, resourceRef }
      : { permission: permission as BasicPermission },
  );
  return loading ? undefined : allowed;
}
