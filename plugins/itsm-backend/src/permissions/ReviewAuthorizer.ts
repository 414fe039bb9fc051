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
  itsmReviewPublishPermission,
  itsmReviewReadPermission,
  itsmReviewUpdatePermission,
} from '@openitsm/backstage-plugin-itsm-common';

/** What a caller does to reviews and action items. */
export type ReviewAction = 'read' | 'update' | 'publish';

const PERMISSIONS: Record<ReviewAction, BasicPermission> = {
  read: itsmReviewReadPermission,
  update: itsmReviewUpdatePermission,
  publish: itsmReviewPublishPermission,
};

const VERBS: Record<ReviewAction, string> = {
  read: 'read post-incident reviews',
  update: 'write post-incident reviews and action items',
  publish: 'publish post-incident reviews',
};

/** Asks the permission policy about reviews and their action items. */
export class ReviewAuthorizer {
  constructor(private readonly permissions: PermissionsService) {}

  async authorize(
    credentials: BackstageCredentials,
    action: ReviewAction,
  ): Promise<void> {
    if (!(await this.isAllowed(credentials, action))) {
      throw new NotAllowedError(
        `You are not allowed to ${VERBS[action]} (${PERMISSIONS[action].name})`,
      );
    }
  }

  async isAllowed(
    credentials: BackstageCredentials,
    action: ReviewAction,
  ): Promise<boolean> {
    const [decision] = await this.permissions.authorize(
      [{ permission: PERMISSIONS[action] }],
      { credentials },
    );
    return decision.result === AuthorizeResult.ALLOW;
  }
}
