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

/**
 * Declare an incident major, withdraw the declaration, set its crisis cell
 * and subscribe others to it.
 * @public
 */
export const itsmIncidentMajorPermission = createPermission({
  name: 'itsm.incident.major',
  attributes: { action: 'update' },
  resourceType: ITSM_INCIDENT_RESOURCE_TYPE,
});

/**
 * See who is on call, schedules and escalation policies.
 * @public
 */
export const itsmOnCallReadPermission = createPermission({
  name: 'itsm.oncall.read',
  attributes: { action: 'read' },
});

/**
 * Resource type of on-call schedules and escalation policies, for
 * conditional rules on their owner group.
 * @public
 */
export const ITSM_ONCALL_RESOURCE_TYPE = 'itsm-oncall';

/**
 * Create and change on-call schedules and escalation policies.
 * @public
 */
export const itsmOnCallManagePermission = createPermission({
  name: 'itsm.oncall.manage',
  attributes: { action: 'update' },
  resourceType: ITSM_ONCALL_RESOURCE_TYPE,
});

/** @public */
export const itsmProblemReadPermission = createPermission({
  name: 'itsm.problem.read',
  attributes: { action: 'read' },
});

/** @public */
export const itsmProblemCreatePermission = createPermission({
  name: 'itsm.problem.create',
  attributes: { action: 'create' },
});

/** Also covers workarounds, and linking incidents to problems. @public */
export const itsmProblemUpdatePermission = createPermission({
  name: 'itsm.problem.update',
  attributes: { action: 'update' },
});

/** @public */
export const itsmPermissions = [
  itsmIncidentReadPermission,
  itsmIncidentCreatePermission,
  itsmIncidentUpdatePermission,
  itsmIncidentMajorPermission,
  itsmOnCallReadPermission,
  itsmOnCallManagePermission,
  itsmProblemReadPermission,
  itsmProblemCreatePermission,
  itsmProblemUpdatePermission,
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

/** Read post-incident reviews and action items. @public */
export const itsmReviewReadPermission = createPermission({
  name: 'itsm.review.read',
  attributes: { action: 'read' },
});

/**
 * Write reviews (sections, submit for review, open a new revision) and
 * action items.
 * @public
 */
export const itsmReviewUpdatePermission = createPermission({
  name: 'itsm.review.update',
  attributes: { action: 'update' },
});

/** Approve and publish reviews. @public */
export const itsmReviewPublishPermission = createPermission({
  name: 'itsm.review.publish',
  attributes: { action: 'update' },
});

itsmPermissions.push(
  itsmReviewReadPermission,
  itsmReviewUpdatePermission,
  itsmReviewPublishPermission,
);
/**
 * Reading KPI reports (`/reports/*`): aggregates over the whole estate or a
 * service, read from rollups that hold counts, not incidents, so a
 * conditional "incidents I may read" decision cannot apply to them; a basic
 * permission an administrator grants to incident managers.
 *
 * @public
 */
export const itsmReportReadPermission = createPermission({
  name: 'itsm.report.read',
  attributes: { action: 'read' },
});

itsmPermissions.push(itsmReportReadPermission);
