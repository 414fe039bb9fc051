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
  itsmChangeApprovePermission,
  itsmChangeCreatePermission,
  itsmChangeReadPermission,
  itsmChangeUpdatePermission,
} from '@openitsm/backstage-plugin-itsm-common';

const ACTIONS: Record<string, { permission: BasicPermission; what: string }> = {
  read: { permission: itsmChangeReadPermission, what: 'read changes' },
  create: { permission: itsmChangeCreatePermission, what: 'request changes' },
  update: { permission: itsmChangeUpdatePermission, what: 'update changes' },
  approve: {
    permission: itsmChangeApprovePermission,
    what: 'approve or reject changes',
  },
};

/** Asks the permission policy about changes; a refusal is a 403. */
export class ChangeAuthorizer {
  constructor(private readonly permissions: PermissionsService) {}

  /** Whether the caller may take the action, without refusing. */
  async allows(
    credentials: BackstageCredentials,
    action: 'read' | 'create' | 'update' | 'approve',
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: ACTIONS[action].permission }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }

  async authorize(
    credentials: BackstageCredentials,
    action: 'read' | 'create' | 'update' | 'approve',
  ): Promise<void> {
    const { permission, what } = ACTIONS[action];
    const [decision] = await this.permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to ${what} (${permission.name})`,
      );
    }
  }
}
