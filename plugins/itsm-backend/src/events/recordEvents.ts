import { Change, Problem } from '@openitsm/backstage-plugin-itsm-common';

/** A problem write that committed. */
export type ProblemRecordEvent =
  | { type: 'created'; problem: Problem; actor: string }
  | { type: 'updated'; problem: Problem; previous: Problem; actor: string };

/** A change write that committed. */
export type ChangeRecordEvent =
  | { type: 'created'; change: Change; actor: string }
  | { type: 'updated'; change: Change; previous: Change; actor: string };

/**
 * Where the problem and change services tell of their committed writes;
 * never throws, so a failing delivery cannot fail the write.
 */
export interface RecordEvents {
  onProblemEvent(event: ProblemRecordEvent): Promise<void>;
  onChangeEvent(event: ChangeRecordEvent): Promise<void>;
}
