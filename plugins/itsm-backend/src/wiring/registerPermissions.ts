import {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  ITSM_INCIDENT_RESOURCE_TYPE,
  ITSM_ONCALL_RESOURCE_TYPE,
  itsmPermissions,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeAuthorizer } from '../permissions/ChangeAuthorizer';
import { IncidentAuthorizer } from '../permissions/IncidentAuthorizer';
import { OnCallAuthorizer } from '../permissions/OnCallAuthorizer';
import {
  onCallPermissionResourceRef,
  onCallPermissionRules,
} from '../permissions/oncallRules';
import { ProblemAuthorizer } from '../permissions/ProblemAuthorizer';
import { ReviewAuthorizer } from '../permissions/ReviewAuthorizer';
import { ReportAuthorizer } from '../permissions/ReportAuthorizer';
import {
  incidentPermissionResourceRef,
  incidentPermissionRules,
} from '../permissions/rules';
import { normalizeEntityRef } from '../service/entityRefs';
import { ItsmStores } from './createStores';

function permissionsOf(resourceType: string) {
  return itsmPermissions.filter(
    p => 'resourceType' in p && p.resourceType === resourceType,
  );
}

/**
 * Registers the ITSM permissions, resource types and rules, then returns
 * the authorizers the routes ask (they read the rules just registered).
 */
export function registerPermissions(options: {
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  stores: ItsmStores;
}) {
  const { permissions, permissionsRegistry: registry, stores } = options;
  registry.addPermissions(itsmPermissions);
  registry.addResourceType({
    resourceRef: incidentPermissionResourceRef,
    permissions: permissionsOf(ITSM_INCIDENT_RESOURCE_TYPE),
    rules: incidentPermissionRules,
    // The permission framework pairs each ref with the resource at its
    // position (search asks about many incidents at once): keep the order.
    getResources: async ids => {
      const found = await stores.incidents.getIncidentsByIds(ids);
      const byId = new Map(found.map(incident => [incident.id, incident]));
      return ids.map(id => byId.get(id));
    },
  });
  registry.addResourceType({
    resourceRef: onCallPermissionResourceRef,
    permissions: permissionsOf(ITSM_ONCALL_RESOURCE_TYPE),
    rules: onCallPermissionRules,
    // A group's ref is the resource: the frontend asks "may I manage this
    // group's on-call?" before it offers the editors.
    getResources: async refs =>
      refs.map(ref => {
        try {
          return { ownerGroup: normalizeEntityRef(ref, 'group') };
        } catch {
          return undefined;
        }
      }),
  });
  return {
    incidents: new IncidentAuthorizer(permissions, registry),
    oncall: new OnCallAuthorizer(permissions, registry),
    problems: new ProblemAuthorizer(permissions),
    changes: new ChangeAuthorizer(permissions),
    reviews: new ReviewAuthorizer(permissions),
    reports: new ReportAuthorizer(permissions),
  };
}
