import {
  ChangeConfig,
  ChangeGateDecision,
  decideChangeGate,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeStore } from '../database/ChangeStore';
import { ChangeApprovals } from './ChangeApprovals';

const HOUR = 3600_000;
/** Windows that closed this recently are named ("CHG-11's window closed at …"). */
const LOOK_BACK = 24 * HOUR;
/** Windows opening this soon are named ("CHG-12's window opens at …"). */
const LOOK_AHEAD = 14 * 24 * HOUR;
/** More changes than a service has in a fortnight, far more than a log shows. */
const MAX_CHANGES = 100;

/**
 * Whether a deployment of a service may proceed at a time: the service's
 * changes around it and their current approval rounds from the database,
 * the freezes from config, weighed by `decideChangeGate`.
 */
export class ChangeGate {
  constructor(
    private readonly options: {
      store: Pick<ChangeStore, 'findServiceChangesAround' | 'listApprovalsOf'>;
      approvals: Pick<ChangeApprovals, 'approvalOf'>;
      config: Pick<ChangeConfig, 'freezes'>;
    },
  ) {}

  async decide(entityRef: string, at: string): Promise<ChangeGateDecision> {
    const { store, approvals, config } = this.options;
    const time = Date.parse(at);
    const changes = await store.findServiceChangesAround({
      entityRef,
      from: new Date(time - LOOK_BACK).toISOString(),
      to: new Date(time + LOOK_AHEAD).toISOString(),
      limit: MAX_CHANGES,
    });
    const decisions = await store.listApprovalsOf(changes.map(c => c.id));
    const verdict = decideChangeGate({
      entityRef,
      at,
      freezes: config.freezes,
      changes: changes.map(change => {
        const decided = decisions.get(change.id) ?? [];
        const { state } = approvals.approvalOf(change, decided).approval;
        // An ECAB rejection after implementation opens a new, empty round:
        // until someone approves, the rejection is the last word.
        const rejected =
          state === 'pending' && decided.at(-1)?.decision === 'rejected';
        return { ...change, approval: rejected ? 'rejected' : state };
      }),
    });
    const change = changes.find(c => c.id === verdict.change?.id);
    return { ...verdict, change };
  }
}
