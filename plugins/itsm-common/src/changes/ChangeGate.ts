import { DateTime } from 'luxon';
import {
  ApprovalState,
  Change,
  ChangeFreeze,
  ChangeGateDecision,
  ChangeGateReason,
} from './types';

/**
 * A change of the service as the gate weighs it: its type, status, window,
 * recorded freeze override and the state of its current approval round.
 * @public
 */
export type ChangeGateCandidate = Pick<
  Change,
  | 'id'
  | 'ref'
  | 'title'
  | 'type'
  | 'status'
  | 'plannedStart'
  | 'plannedEnd'
  | 'freezeOverrideReason'
> & { approval: ApprovalState };

/** @public */
export interface ChangeGateInput {
  /** The service to deploy. */
  entityRef: string;
  /** When the deployment would happen (ISO 8601). */
  at: string;
  /** The service's changes whose window is open, recently ended or coming. */
  changes: ChangeGateCandidate[];
  /** Every configured freeze; those covering the service at `at` apply. */
  freezes: ChangeFreeze[];
}

/**
 * The gate's answer with the change it weighs (not only its ref), so a
 * caller can attach the full record.
 * @public
 */
export type ChangeGateVerdict = Omit<ChangeGateDecision, 'change'> & {
  change?: ChangeGateCandidate;
};

/** Statuses in which a change may be deployed: it has been authorised. */
const AUTHORISED = ['scheduled', 'implement'];

const millis = (text: string) =>
  DateTime.fromISO(text, { zone: 'utc' }).toMillis();

const iso = (ms: number) => DateTime.fromMillis(ms, { zone: 'utc' }).toISO()!;

/** Half-open [start, end): open exactly at its start, closed at its end. */
function covers(start: string, end: string, at: number): boolean {
  return millis(start) <= at && at < millis(end);
}

function freezeCovers(freeze: ChangeFreeze, entityRef: string): boolean {
  return !freeze.services || freeze.services.includes(entityRef);
}

type Weighed =
  | { allowed: true; reason: ChangeGateReason; until: number }
  | { allowed: false; reasons: ChangeGateReason[] };

/**
 * May a deployment of `entityRef` proceed at `at`? Yes when one of its
 * changes is authorised (scheduled or being implemented) with its window
 * open and no freeze stops it:
 *
 * - standard changes are pre-approved; normal ones reach scheduled only
 *   once the CAB approved; emergency ones may be implemented before their
 *   approval (expedited), but not after a rejection;
 * - a freeze covering the service stops standard and normal changes; a
 *   normal change the CAB approved and that was scheduled into the freeze
 *   with a recorded override reason proceeds (that is what the override
 *   is for); an emergency change proceeds only once the ECAB approved it.
 *
 * Otherwise it is blocked, with every reason: no authorised change with an
 * open window, windows that open later or have closed, changes awaiting
 * approval, and the freezes. Windows and freezes are half-open.
 * @public
 */
export function decideChangeGate(input: ChangeGateInput): ChangeGateVerdict {
  const at = millis(input.at);
  const freezes = input.freezes.filter(
    f => freezeCovers(f, input.entityRef) && covers(f.from, f.to, at),
  );
  // Window order, then ref order (CHG-999 before CHG-1000), so a log reads
  // the same every time.
  const ordered = [...input.changes].sort(
    (a, b) =>
      millis(a.plannedStart) - millis(b.plannedStart) ||
      a.ref.localeCompare(b.ref, 'en', { numeric: true }),
  );
  const blocking: ChangeGateReason[] = [];
  let best:
    | { change: ChangeGateCandidate; reason: ChangeGateReason; until: number }
    | undefined;
  for (const change of ordered) {
    const weighed = weigh(change, at, freezes, input.freezes, input.entityRef);
    if (weighed.allowed) {
      if (!best || weighed.until > best.until) {
        best = { change, reason: weighed.reason, until: weighed.until };
      }
    } else {
      blocking.push(...weighed.reasons);
    }
  }
  const base = { entityRef: input.entityRef, at: input.at };
  if (best) {
    return {
      ...base,
      allowed: true,
      reasons: [best.reason],
      change: best.change,
      until: iso(best.until),
    };
  }
  const openAuthorised = blocking.some(r => r.code === 'frozen');
  return {
    ...base,
    allowed: false,
    reasons: [
      ...(openAuthorised
        ? []
        : [
            {
              code: 'no_change' as const,
              message: `No approved change of ${input.entityRef} has its window open at ${input.at}`,
            },
          ]),
      ...blocking,
      ...freezes.map(freeze => ({
        code: 'freeze' as const,
        freeze: freeze.name,
        at: freeze.to,
        message: `Freeze '${freeze.name}' until ${freeze.to}: only emergency changes approved by the ECAB may proceed`,
      })),
    ],
  };
}

/** One change's verdict at `at`, given the freezes covering the service then. */
function weigh(
  change: ChangeGateCandidate,
  at: number,
  activeFreezes: ChangeFreeze[],
  allFreezes: ChangeFreeze[],
  entityRef: string,
): Weighed {
  const { ref, type, status } = change;
  const open = covers(change.plannedStart, change.plannedEnd, at);
  const upcoming = millis(change.plannedStart) > at;
  const blocked = (
    code: ChangeGateReason['code'],
    message: string,
    extra: Partial<ChangeGateReason> = {},
  ): Weighed => ({
    allowed: false,
    reasons: [{ code, message, changeRef: ref, ...extra }],
  });
  const nothing: Weighed = { allowed: false, reasons: [] };

  if (status === 'cancelled') {
    return open ? blocked('change_cancelled', `${ref} was cancelled`) : nothing;
  }
  if (status === 'closed' || status === 'review') {
    return open
      ? blocked(
          'change_finished',
          `${ref} is ${
            status === 'closed' ? 'closed' : 'in review'
          }: its implementation has finished`,
        )
      : nothing;
  }
  if (!open && !upcoming && !AUTHORISED.includes(status)) return nothing;
  if (status === 'authorize') {
    // Approved yet still in authorize: its window falls in a freeze
    return change.approval === 'approved'
      ? blocked(
          'not_scheduled',
          `${ref} is approved but not scheduled: its window falls in a freeze; schedule it with an override reason`,
        )
      : blocked('awaiting_approval', `${ref} is awaiting approval`);
  }
  if (status === 'new' || status === 'assess') {
    return blocked(
      'not_approved',
      change.approval === 'rejected'
        ? `${ref} was rejected by its approvers and is back in assess`
        : `${ref} is in ${status}: it has not been approved and scheduled`,
    );
  }
  // Scheduled or being implemented
  if (type === 'emergency' && change.approval === 'rejected') {
    return blocked(
      'approval_rejected',
      `${ref} is an emergency change the ECAB rejected`,
    );
  }
  if (upcoming) {
    return blocked(
      'window_not_open',
      `${ref}'s window opens at ${change.plannedStart}`,
      { at: change.plannedStart },
    );
  }
  if (!open) {
    return blocked(
      'window_closed',
      `${ref}'s window closed at ${change.plannedEnd}`,
      { at: change.plannedEnd },
    );
  }
  const ecabApproved = type === 'emergency' && change.approval === 'approved';
  const overridden = type === 'normal' && Boolean(change.freezeOverrideReason);
  const [freeze] = activeFreezes;
  if (freeze && !ecabApproved && !overridden) {
    return blocked(
      'frozen',
      type === 'emergency'
        ? `${ref} is an emergency change not yet approved by the ECAB, and freeze '${freeze.name}' is on until ${freeze.to}`
        : `${ref}'s window is open, but freeze '${freeze.name}' stops ${type} changes until ${freeze.to}`,
      { freeze: freeze.name, at: freeze.to },
    );
  }
  const end = millis(change.plannedEnd);
  // A freeze starting inside the window stops it there, unless it may pass.
  const until =
    ecabApproved || overridden
      ? end
      : Math.min(
          end,
          ...allFreezes
            .filter(f => freezeCovers(f, entityRef))
            .map(f => millis(f.from))
            .filter(from => from > at),
        );
  const allow = (
    code: ChangeGateReason['code'],
    message: string,
    extra: Partial<ChangeGateReason> = {},
  ): Weighed => ({
    allowed: true,
    reason: { code, message, changeRef: ref, ...extra },
    until,
  });
  if (freeze && ecabApproved) {
    return allow(
      'emergency_change',
      `${ref} is an emergency change approved by the ECAB: it may proceed during freeze '${freeze.name}'`,
      { freeze: freeze.name },
    );
  }
  if (freeze) {
    return allow(
      'freeze_override',
      `${ref} was approved and scheduled into freeze '${freeze.name}': ${change.freezeOverrideReason}`,
      { freeze: freeze.name },
    );
  }
  return allow(
    type === 'emergency' ? 'emergency_change' : 'change_window_open',
    `${ref} (${type} change, ${status}) has its window open until ${iso(
      until,
    )}${
      type === 'emergency' && change.approval !== 'approved'
        ? '; its ECAB approval is pending'
        : ''
    }`,
  );
}
