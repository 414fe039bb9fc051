import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  PermissionCriteria,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  createConditionTransformer,
} from '@backstage/plugin-permission-node';
import {
  Incident,
  itsmIncidentCreatePermission,
  itsmIncidentMajorPermission,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { IncidentQueryFilter, incidentPermissionResourceRef } from './rules';

type ReadDecision =
  | { result: 'all' }
  | { result: 'filtered'; filter: PermissionCriteria<IncidentQueryFilter> };

/**
 * Which incidents a caller may read where they appear inside another record
 * (a change's caused incidents): all, those matching a filter, or none.
 */
export type IncidentVisibility = ReadDecision | { result: 'none' };

/**
 * Asks the permission policy about incidents. Conditional decisions are
 * applied to a loaded incident, or turned into a query filter for lists.
 */
export class IncidentAuthorizer {
  private readonly transform;
  private readonly isAllowed;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    const ruleset = registry.getPermissionRuleset(
      incidentPermissionResourceRef,
    );
    this.transform = createConditionTransformer(ruleset);
    this.isAllowed = createConditionAuthorizer(ruleset);
  }

  async authorizeCreate(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: itsmIncidentCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to create incidents (${itsmIncidentCreatePermission.name})`,
      );
    }
  }

  /** For lists: everything, a filter, or a 403. */
  async authorizeList(
    credentials: BackstageCredentials,
  ): Promise<ReadDecision> {
    const visibility = await this.visibility(credentials);
    if (visibility.result === 'none') {
      throw new NotAllowedError(
        `You are not allowed to read incidents (${itsmIncidentReadPermission.name})`,
      );
    }
    return visibility;
  }

  /**
   * For incidents embedded in another record: a caller who may not read
   * incidents still sees the record, without them.
   */
  async visibility(
    credentials: BackstageCredentials,
  ): Promise<IncidentVisibility> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: itsmIncidentReadPermission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return { result: 'all' };
    if (decision.result === AuthorizeResult.CONDITIONAL) {
      return {
        result: 'filtered',
        filter: this.transform(decision.conditions),
      };
    }
    return { result: 'none' };
  }

  /** One decision of the policy, applied to any number of loaded incidents. */
  async readableBy(
    credentials: BackstageCredentials,
  ): Promise<(incident: Incident) => boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: itsmIncidentReadPermission }],
      { credentials },
    );
    return incident => this.isAllowed(decision, incident);
  }

  async authorizeRead(
    credentials: BackstageCredentials,
    incident: Incident,
  ): Promise<void> {
    await this.authorizeResource(credentials, incident, 'read');
  }

  async authorizeUpdate(
    credentials: BackstageCredentials,
    incident: Incident,
  ): Promise<void> {
    await this.authorizeResource(credentials, incident, 'update');
  }

  /**
   * Whether the policy grants `update` and `major` (itsm.incident.major) on
   * an incident, without refusing: major-incident rules combine them with
   * the caller's crisis-cell roles.
   */
  async majorGrants(
    credentials: BackstageCredentials,
    incident: Incident,
  ): Promise<{ mayUpdate: boolean; mayManageMajor: boolean }> {
    const [update, major] = await this.permissions.authorizeConditional(
      [
        { permission: itsmIncidentUpdatePermission },
        { permission: itsmIncidentMajorPermission },
      ],
      { credentials },
    );
    return {
      mayUpdate: this.isAllowed(update, incident),
      mayManageMajor: this.isAllowed(major, incident),
    };
  }

  /** Whether the policy grants itsm.incident.major outright (no conditions). */
  async mayManageMajorAnywhere(
    credentials: BackstageCredentials,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: itsmIncidentMajorPermission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  private async authorizeResource(
    credentials: BackstageCredentials,
    incident: Incident,
    action: 'read' | 'update',
  ) {
    const permission =
      action === 'read'
        ? itsmIncidentReadPermission
        : itsmIncidentUpdatePermission;
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (!this.isAllowed(decision, incident)) {
      throw new NotAllowedError(
        `You are not allowed to ${action} incident ${incident.ref} (${permission.name})`,
      );
    }
  }
}
