import { InputError } from '@backstage/errors';
import {
  canTransitionIncident,
  describeIllegalTransition,
  Incident,
  isReopen,
  UpdateIncidentRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { IncidentChanges, NewTimelineEvent } from '../database/IncidentStore';

/**
 * The changes and timeline entry of a requested status move: the legal
 * transitions, the times each status stamps, the resolution a resolve needs
 * and what a reopen clears. Undefined when the status stays.
 */
export function incidentStatusChange(
  current: Incident,
  request: Omit<UpdateIncidentRequest, 'version'>,
  actor: string,
  now: string,
): { changes: IncidentChanges; event: NewTimelineEvent } | undefined {
  const to = request.status;
  const resolving = to === 'resolved' && current.status !== 'resolved';
  const hasResolution =
    request.resolutionCode !== undefined ||
    request.resolutionNotes !== undefined;
  if (hasResolution && !resolving) {
    throw new InputError(
      'resolutionCode and resolutionNotes are set when resolving: send them with status "resolved"',
    );
  }
  if (to === undefined || to === current.status) {
    return undefined;
  }
  if (!canTransitionIncident(current.status, to)) {
    throw new InputError(
      `status: ${describeIllegalTransition(current.status, to)}`,
    );
  }
  const changes: IncidentChanges = { status: to };
  if (to === 'acknowledged') changes.acknowledgedAt = now;
  if (to === 'resolved') {
    if (!request.resolutionCode) {
      throw new InputError('resolutionCode is required to resolve an incident');
    }
    if (!request.resolutionNotes?.trim()) {
      throw new InputError(
        'resolutionNotes is required to resolve an incident',
      );
    }
    changes.resolvedAt = now;
    changes.resolutionCode = request.resolutionCode;
    changes.resolutionNotes = request.resolutionNotes.trim();
  }
  if (to === 'closed' || to === 'cancelled') changes.closedAt = now;
  if (isReopen(current.status, to)) {
    changes.reopenCount = current.reopenCount + 1;
    changes.resolvedAt = null;
    changes.resolutionCode = null;
    changes.resolutionNotes = null;
  }
  const verb = isReopen(current.status, to)
    ? `Reopened (reopen #${current.reopenCount + 1})`
    : `Status ${current.status} → ${to}`;
  const resolution =
    to === 'resolved'
      ? `: ${request.resolutionCode} — ${request.resolutionNotes!.trim()}`
      : '';
  return {
    changes,
    event: {
      type: 'status_changed',
      actor,
      message: `${verb}${resolution}`,
      before: { status: current.status },
      after: {
        status: to,
        ...(to === 'resolved'
          ? {
              resolutionCode: request.resolutionCode,
              resolutionNotes: request.resolutionNotes!.trim(),
            }
          : {}),
      },
    },
  };
}
