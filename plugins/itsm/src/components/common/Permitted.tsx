import { Permission } from '@backstage/plugin-permission-common';
import { ReactNode } from 'react';
import { useAllowed } from './useAllowed';

/**
 * Its children only when the user may take the action they offer;
 * `fallback` (nothing by default) otherwise and while asking.
 */
export function Permitted(props: {
  permission: Permission;
  /** The record a resource permission is about (undefined while loading). */
  resourceRef?: string;
  children: ReactNode;
  fallback?: ReactNode;
}) {
  const allowed = useAllowed(props.permission, props.resourceRef);
  return <>{allowed ? props.children : props.fallback ?? null}</>;
}
