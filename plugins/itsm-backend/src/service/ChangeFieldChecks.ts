import { describeFieldChanges } from './describeChanges';
import { InputError } from '@backstage/errors';
import {
  Change,
  parseTimestamp,
  UpdateChangeRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeUpdate } from '../database/ChangeStore';
import { ProblemStore } from '../database/ProblemStore';
import {
  EntityRefValidator,
  RefCheck,
  serviceCheck,
} from './EntityRefValidator';
import { ActorContext } from './IncidentService';

const PROBLEM_REF = /^PRB-\d+$/i;

/** Fields compared and described on the audit trail when edited. */
type EditableField = Exclude<
  keyof UpdateChangeRequest & keyof Change,
  'version' | 'status' | 'freezeOverrideReason'
>;

const EDITABLE: EditableField[] = [
  'title',
  'description',
  'type',
  'risk',
  'affectedServices',
  'plannedStart',
  'plannedEnd',
  'actualStart',
  'actualEnd',
  'implementationPlan',
  'backoutPlan',
  'testPlan',
  'problemRef',
  'outcome',
  'outcomeNotes',
];

const TIME_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'];

/** What ChangeFieldChecks is built from. */
export interface ChangeFieldChecksOptions {
  refs: EntityRefValidator;
  /** The problems, to refuse linking one that does not exist or is closed. */
  problems: Pick<ProblemStore, 'getProblem'>;
}

/**
 * The fields a change request sends, checked and normalized: services against
 * the catalog, problem refs against the problems, times as ISO 8601.
 */
export class ChangeFieldChecks {
  private readonly refs: EntityRefValidator;
  private readonly problems: Pick<ProblemStore, 'getProblem'>;

  constructor(options: ChangeFieldChecksOptions) {
    this.refs = options.refs;
    this.problems = options.problems;
  }

  /** The edited fields whose checked value differs from `current`. */
  async fieldChanges(
    current: Change,
    request: Omit<UpdateChangeRequest, 'version'>,
    ctx: ActorContext,
  ): Promise<ChangeUpdate> {
    const changes: ChangeUpdate = {};
    for (const field of EDITABLE) {
      let value = request[field];
      if (value === undefined) continue;
      if (field === 'title') {
        value = (value as string).trim();
        if (!value) throw new InputError('title must not be empty');
      }
      if (field === 'affectedServices') {
        value = await this.checkServices(value as string[], ctx);
      }
      if (field === 'problemRef') {
        value =
          value === null
            ? null
            : await this.existingProblem(checkProblemRef(value as string));
      }
      if (TIME_FIELDS.includes(field)) value = parseTimestamp(field, value);
      const before = current[field];
      const same = Array.isArray(value)
        ? value.join() === (before as string[]).join()
        : (value ?? undefined) === before;
      if (!same) (changes as Record<string, unknown>)[field] = value;
    }
    return changes;
  }

  async existingProblem(ref: string | undefined): Promise<string | undefined> {
    if (!ref) return ref;
    const problem = await this.problems.getProblem(ref);
    if (!problem) {
      throw new InputError(
        `problemRef: there is no problem ${ref}; link the problem this change fixes`,
      );
    }
    if (problem.status === 'closed') {
      throw new InputError(
        `problemRef: problem ${ref} is closed; link a change to a problem that is still open or resolved`,
      );
    }
    return ref;
  }

  /** The id of the problem a ref names (the ref was checked before). */
  async problemId(ref: string): Promise<string> {
    const problem = await this.problems.getProblem(ref);
    if (!problem)
      throw new InputError(`problemRef: there is no problem ${ref}`);
    return problem.id;
  }

  async checkServices(services: string[], ctx: ActorContext) {
    if (!services.length) {
      throw new InputError('affectedServices must name at least one service');
    }
    const checks: RefCheck[] = services.map((ref, i) =>
      serviceCheck(`affectedServices[${i}]`, ref),
    );
    const normalized = await this.refs.validate(checks, ctx.credentials);
    return [...new Set(normalized)];
  }
}

export function checkProblemRef(ref: string | undefined): string | undefined {
  if (ref === undefined || ref === '') return undefined;
  if (!PROBLEM_REF.test(ref.trim())) {
    throw new InputError(
      `problemRef must be a problem ref such as PRB-1003, got "${ref}"`,
    );
  }
  return ref.trim().toLocaleUpperCase('en-US');
}

/** The change as it would read with `changes` applied (`null` clears). */
export function stripNulls(changes: ChangeUpdate): Partial<Change> {
  return Object.fromEntries(
    Object.entries(changes).map(([k, v]) => [k, v === null ? undefined : v]),
  ) as Partial<Change>;
}

/** The audit-trail entry for edited fields, or undefined if none changed. */
export function describeEdits(current: Change, changes: ChangeUpdate) {
  return describeFieldChanges(current, changes, {
    fields: EDITABLE,
    longFields: [
      'description',
      'implementationPlan',
      'backoutPlan',
      'testPlan',
      'outcomeNotes',
    ],
    missingAsNull: true,
  });
}
