import { ConflictError } from '@backstage/errors';
import {
  Change,
  ChangeConfig,
  findChangeConflicts,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeStore } from '../database/ChangeStore';

/** A change's planned window on its services; `id` leaves itself out. */
export type PlannedWindow = Pick<
  Change,
  'affectedServices' | 'plannedStart' | 'plannedEnd'
> & { id?: string };

/** Where a change's window meets other changes or a freeze. */
export class ChangeWindows {
  constructor(
    private readonly store: Pick<ChangeStore, 'findWindows'>,
    private readonly config: Pick<ChangeConfig, 'freezes'>,
  ) {}

  async conflictsOf(change: PlannedWindow) {
    const window = {
      id: change.id,
      services: change.affectedServices,
      start: change.plannedStart,
      end: change.plannedEnd,
    };
    const others = await this.store.findWindows(window);
    return findChangeConflicts(window, others, this.config.freezes);
  }

  /**
   * The freezes a scheduled window falls in, with the reason given for
   * scheduling it anyway; throws if there are freezes but no reason.
   */
  async freezeOverride(
    change: Change,
    reason: string | undefined,
  ): Promise<{ freezes: string[]; reason: string } | undefined> {
    const freezes = (await this.conflictsOf(change)).flatMap(c =>
      c.kind === 'freeze' ? [c.freeze] : [],
    );
    if (!freezes.length) return undefined;
    if (!reason?.trim()) {
      throw new ConflictError(
        `The window falls in freeze ${freezes.join(
          ', ',
        )}; send freezeOverrideReason to schedule it anyway`,
      );
    }
    return { freezes, reason: reason.trim() };
  }
}
