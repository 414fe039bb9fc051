import {
  BackstageCredentials,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  itsmOnCallManagePermission,
  itsmOnCallReadPermission,
} from '@openitsm/backstage-plugin-itsm-common';
import { onCallPermissionResourceRef, OnCallResource } from './oncallRules';

/** Asks the permission policy about on-call schedules and policies. */
export class OnCallAuthorizer {
  private readonly isAllowed;

  constructor(
    private readonly permissions: PermissionsService,
    registry: PermissionsRegistryService,
  ) {
    this.isAllowed = createConditionAuthorizer(
      registry.getPermissionRuleset(onCallPermissionResourceRef),
    );
  }

  async authorizeRead(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: itsmOnCallReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to see on-call schedules (${itsmOnCallReadPermission.name})`,
      );
    }
  }

  async authorizeManage(
    credentials: BackstageCredentials,
    resource: OnCallResource,
  ): Promise<void> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission: itsmOnCallManagePermission }],
      { credentials },
    );
    if (!this.isAllowed(decision, resource)) {
      throw new NotAllowedError(
        `You are not allowed to manage the on-call of ${resource.ownerGroup} (${itsmOnCallManagePermission.name})`,
      );
    }
  }
}
