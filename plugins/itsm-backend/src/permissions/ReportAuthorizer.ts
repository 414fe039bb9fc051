import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { itsmReportReadPermission } from '@openitsm/backstage-plugin-itsm-common';

/** Asks the permission policy about KPI reports; a refusal is a 403. */
export class ReportAuthorizer {
  constructor(private readonly permissions: PermissionsService) {}

  async authorizeRead(credentials: BackstageCredentials): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: itsmReportReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You are not allowed to read KPI reports (${itsmReportReadPermission.name})`,
      );
    }
  }
}
