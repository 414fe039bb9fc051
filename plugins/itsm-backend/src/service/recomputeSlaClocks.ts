import { Incident, isReopen } from '@openitsm/backstage-plugin-itsm-common';
import {
  IncidentChanges,
  IncidentStore,
  NewTimelineEvent,
  StoredSla,
} from '../database/IncidentStore';
import { SlaCalculator } from './SlaCalculator';
import { SlaTierResolver } from './SlaTierResolver';

/** What the SLA clocks of an incident are recomputed from. */
export interface SlaClockSources {
  store: Pick<IncidentStore, 'getStoredSla'>;
  sla: SlaCalculator;
  tiers: Pick<SlaTierResolver, 'tierOf'>;
}

/**
 * The SLA clocks after `changes`: they follow the priority, stop during a
 * hold and leave out the time spent resolved before a reopen. The timeline
 * entry says why due times moved; none while going on hold.
 */
export async function recomputeSlaClocks(
  sources: SlaClockSources,
  current: Incident,
  changes: IncidentChanges,
  actor: string,
  now: string,
): Promise<{ sla?: StoredSla; event?: NewTimelineEvent }> {
  const to = changes.status ?? undefined;
  const priorityChanged = changes.priority !== undefined;
  // Neither priority nor status moves: the clocks stand, unless the
  // incident has none yet (it predates SLAs) and needs them computed.
  if (!priorityChanged && !to && current.sla) {
    return {};
  }
  const stored = await sources.store.getStoredSla(current.id);
  const pauses = [...(stored?.pauses ?? [])];
  if (to === 'on_hold') {
    pauses.push({ from: now });
  } else if (current.status === 'on_hold' && to) {
    const open = pauses.findIndex(p => !p.to);
    if (open >= 0) pauses[open] = { ...pauses[open], to: now };
  } else if (to && isReopen(current.status, to) && current.resolvedAt) {
    // Time spent resolved before a reopen does not count against the target
    pauses.push({ from: current.resolvedAt, to: now });
  }
  if (!priorityChanged && !to && stored) {
    return {};
  }
  const status = to ?? current.status;
  const resolvedAt =
    changes.resolvedAt !== undefined ? changes.resolvedAt : current.resolvedAt;
  const sla = sources.sla.compute({
    priority: changes.priority ?? current.priority,
    policy:
      stored?.policy ??
      (await sources.tiers.tierOf(current.affectedServices[0])),
    detectedAt: current.detectedAt,
    pauses,
    now,
    resolvedAt:
      (status === 'resolved' || status === 'closed') && resolvedAt
        ? resolvedAt
        : undefined,
  });
  const moved =
    !stored ||
    stored.response.dueAt !== sla.response.dueAt ||
    stored.resolution.dueAt !== sla.resolution.dueAt;
  const reopened = to !== undefined && isReopen(current.status, to);
  let why: string | undefined;
  if (priorityChanged)
    why = `priority ${current.priority} → ${changes.priority}`;
  else if (current.status === 'on_hold') why = 'resumed after hold';
  else if (reopened) why = 'reopened; time spent resolved does not count';
  else if (!stored) why = `policy ${sla.policy} applied`;
  if (!moved || to === 'on_hold' || !why) {
    return { sla };
  }
  return {
    sla,
    event: {
      type: 'sla_recomputed',
      actor,
      message: `SLA due times recomputed (${why}): respond by ${sla.response.dueAt}, resolve by ${sla.resolution.dueAt}`,
      before: stored
        ? {
            responseDueAt: stored.response.dueAt,
            resolutionDueAt: stored.resolution.dueAt,
          }
        : undefined,
      after: {
        responseDueAt: sla.response.dueAt,
        resolutionDueAt: sla.resolution.dueAt,
      },
    },
  };
}
