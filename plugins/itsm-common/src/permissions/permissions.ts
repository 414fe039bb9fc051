import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Resource type of incidents, for conditional permission rules.
 * @public
 */
export const ITSM_INCIDENT_RESOURCE_TYPE = 'itsm-incident';

/** @public */
export const itsmIncidentReadPermission = createPermission({
  name: 'itsm.incident.read',
  attributes: { action: 'read' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const itsmIncidentCreatePermission = createPermission({
  name: 'itsm.incident.create',
  attributes: { action: 'create' },
});

/** @public */
export const itsmIncidentUpdatePermission = createPermission({
  name: 'itsm.incident.update',
  attributes: { action: 'update' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/** @public */
export const itsmPermissions = [
  itsmIncidentReadPermission,
  itsmIncidentCreatePermission,
  itsmIncidentUpdatePermission,
];

/** @public */
export const itsmChangeReadPermission = createPermission({
  name: 'itsm.change.read',
  attributes: { action: 'read' },
});

/** @public */
export const itsmChangeCreatePermission = createPermission({
  name: 'itsm.change.create',
  attributes: { action: 'create' },
});

/** @public */
export const itsmChangeUpdatePermission = createPermission({
  name: 'itsm.change.update',
  attributes: { action: 'update' },
});

/** Approving or rejecting a change (CAB members). @public */
export const itsmChangeApprovePermission = createPermission({
  name: 'itsm.change.approve',
  attributes: { action: 'update' },
});

itsmPermissions.push(
  itsmChangeReadPermission,
  itsmChangeCreatePermission,
  itsmChangeUpdatePermission,
  itsmChangeApprovePermission,
);
