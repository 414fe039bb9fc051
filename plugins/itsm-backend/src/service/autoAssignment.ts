import { LoggerService } from '@backstage/backend-plugin-api';
import { OnCallService } from './OnCallService';

/**
 * The owner group of the primary service (unless a group was given) and
 * its current on-call. A failed lookup leaves the incident unassigned
 * rather than refusing the report.
 */
export async function autoAssignment(
  oncall: Pick<OnCallService, 'routeFor' | 'currentOnCallUser'>,
  logger: LoggerService | undefined,
  primaryService: string,
  assignedGroup: string | undefined,
  now: string,
): Promise<{ group?: string; user?: string }> {
  try {
    if (assignedGroup) {
      return {
        group: assignedGroup,
        user: await oncall.currentOnCallUser(assignedGroup, now),
      };
    }
    return await oncall.routeFor(primaryService, now);
  } catch (error) {
    logger?.warn(
      `Could not auto-assign an incident on ${primaryService}: ${
        (error as Error).message
      }`,
    );
    return { group: assignedGroup };
  }
}
