import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  itsmProblemCreatePermission,
  itsmProblemReadPermission,
  itsmProblemUpdatePermission,
} from '@openitsm/backstage-plugin-itsm-common';

const PERMISSIONS: Record<string, BasicPermission> = {
  read: itsmProblemReadPermission,
  create: itsmProblemCreatePermission,
  update: itsmProblemUpdatePermission,
};

/**
 * Asks the permission policy about problems and workarounds (which share the
 * problem permissions).
 */
export class ProblemAuthorizer {
  constructor(private readonly permissions: PermissionsService) {}

  async authorize(
    credentials: BackstageCredentials,
    action: 'read' | 'create' | 'update',
    what = 'problems',
  ): Promise<void> {
    const permission = PERMISSIONS[action];
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to ${action} ${what} (${permission.name})`,
      );
    }
  }

  /** Whether the caller may do it, without throwing. */
  async isAllowed(
    credentials: BackstageCredentials,
    action: 'read' | 'create' | 'update',
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: PERMISSIONS[action] }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}
