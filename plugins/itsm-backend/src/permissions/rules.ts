import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import {
  Incident,
  ITSM_INCIDENT_RESOURCE_TYPE,
} from '@openitsm/backstage-plugin-itsm-common';
import { z } from 'zod';
import { normalizeEntityRef } from '../service/entityRefs';

/**
 * A permission condition turned into something the incident store can put
 * in a WHERE clause.
 *
 * @public
 */
export type IncidentQueryFilter =
  | { key: 'affectedService'; values: string[] }
  | { key: 'assignedGroup'; values: string[] };

/** @public */
export const incidentPermissionResourceRef = createPermissionResourceRef<
  Incident,
  IncidentQueryFilter
>().with({
  pluginId: 'itsm',
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

const refsSchema = z.object({
  entityRefs: z
    .array(z.string())
    .describe('Catalog entity refs, e.g. component:default/payments-api'),
});

/** Allows incidents that affect any of the given catalog entities. */
export const hasAffectedService = createPermissionRule({
  name: 'HAS_AFFECTED_SERVICE',
  description: 'Allow incidents that affect one of the given entities',
  resourceRef: incidentPermissionResourceRef,
  paramsSchema: refsSchema,
  apply: (incident, { entityRefs }) => {
    const wanted = new Set(entityRefs.map(ref => normalizeEntityRef(ref)));
    return incident.affectedServices.some(ref => wanted.has(ref));
  },
  toQuery: ({ entityRefs }) => ({
    key: 'affectedService',
    values: entityRefs.map(ref => normalizeEntityRef(ref)),
  }),
});

/** Allows incidents assigned to any of the given groups. */
export const isAssignedToGroup = createPermissionRule({
  name: 'IS_ASSIGNED_TO_GROUP',
  description: 'Allow incidents assigned to one of the given groups',
  resourceRef: incidentPermissionResourceRef,
  paramsSchema: refsSchema,
  apply: (incident, { entityRefs }) => {
    const wanted = new Set(entityRefs.map(ref => normalizeEntityRef(ref)));
    return !!incident.assignedGroup && wanted.has(incident.assignedGroup);
  },
  toQuery: ({ entityRefs }) => ({
    key: 'assignedGroup',
    values: entityRefs.map(ref => normalizeEntityRef(ref)),
  }),
});

/**
 * The incident permission rules, for permission policies that build
 * conditional decisions: `HAS_AFFECTED_SERVICE`, `IS_ASSIGNED_TO_GROUP`.
 *
 * @public
 */
export const incidentPermissionRules = [hasAffectedService, isAssignedToGroup];
