import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { ITSM_ONCALL_RESOURCE_TYPE } from '@openitsm/backstage-plugin-itsm-common';
import { z } from 'zod';
import { normalizeEntityRef } from '../service/entityRefs';

/** What on-call permissions are decided on: the owning group. */
export interface OnCallResource {
  /** Group entity ref. */
  ownerGroup: string;
}

/** @public */
export const onCallPermissionResourceRef = createPermissionResourceRef<
  OnCallResource,
  never
>().with({
  pluginId: 'itsm',
  resourceType: ITSM_ONCALL_RESOURCE_TYPE,
});

/**
 * Allows schedules and policies owned by one of the given groups; a policy
 * passes the caller's ownership refs, like the catalog's IS_ENTITY_OWNER:
 * `isOwnedByGroup({ claims: user.identity.ownershipEntityRefs })`.
 */
export const isOwnedByGroup = createPermissionRule({
  name: 'IS_OWNED_BY_GROUP',
  description:
    'Allow on-call schedules and policies of one of the given groups',
  resourceRef: onCallPermissionResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe(
        'Group entity refs, e.g. the user identity ownershipEntityRefs',
      ),
  }),
  apply: (resource, { claims }) =>
    claims.some(
      claim => normalizeEntityRef(claim, 'group') === resource.ownerGroup,
    ),
  toQuery: () => {
    throw new Error('IS_OWNED_BY_GROUP applies to single schedules only');
  },
});

export const onCallPermissionRules = [isOwnedByGroup];
