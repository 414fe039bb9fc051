import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  ActionItemListQuery,
  checkActionItemTransition,
  CreateActionItemRequest,
  Incident,
  isCalendarDay,
  Page,
  UpdateActionItemRequest,
  utcDay,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeStore } from '../database/ChangeStore';
import { IncidentStore } from '../database/IncidentStore';
import { ProblemStore } from '../database/ProblemStore';
import {
  ActionItemChanges,
  ActionItemStore,
  ReviewStore,
} from '../database/ReviewStore';
import { ActionItemNotifier } from './actionItemNotifier';
import { checkVersion } from './checkVersion';
import { EntityRefValidator } from './EntityRefValidator';

export interface ActionItemContext {
  actor: string;
  /** What entity refs are checked in the catalog with. */
  credentials: BackstageCredentials;
  now?: string;
}

export interface ActionItemServiceOptions {
  store: ActionItemStore;
  reviews: Pick<ReviewStore, 'getReview'>;
  incidents: Pick<IncidentStore, 'getIncident'>;
  problems: Pick<ProblemStore, 'getProblem'>;
  changes: Pick<ChangeStore, 'getChange'>;
  refs: EntityRefValidator;
  notifier: ActionItemNotifier;
}

function checkDueDate(value: string): string {
  if (!isCalendarDay(value)) {
    throw new InputError(
      `dueDate: "${value}" is not a calendar day between 1970 and 2200; use YYYY-MM-DD, e.g. 2026-12-31`,
    );
  }
  return value;
}

/**
 * Action items of reviews: who owns them, until when, their status, the
 * problem or change they became, and telling their owners.
 */
export class ActionItemService {
  constructor(private readonly options: ActionItemServiceOptions) {}

  async get(idOrRef: string, now?: string): Promise<ActionItem> {
    const item = await this.options.store.getActionItem(
      idOrRef,
      utcDay(now ?? new Date()),
    );
    if (!item) throw new NotFoundError(`No action item ${idOrRef}`);
    return item;
  }

  /** The incident an action item names, as `field` in errors. */
  async incidentOf(field: string, idOrRef: string): Promise<Incident> {
    const incident = await this.options.incidents.getIncident(idOrRef);
    if (!incident) {
      throw new InputError(`${field}: no incident ${idOrRef}`);
    }
    return incident;
  }

  async list(
    query: Omit<ActionItemListQuery, 'limit'> & { limit: number },
    now?: string,
  ): Promise<Page<ActionItem>> {
    let incidentId = query.incidentId;
    if (incidentId) {
      const incident = await this.options.incidents.getIncident(incidentId);
      if (!incident) return { items: [] };
      incidentId = incident.id;
    }
    return this.options.store.listActionItems({
      ...query,
      incidentId,
      today: utcDay(now ?? new Date()),
    });
  }

  async create(
    request: CreateActionItemRequest,
    incident: Incident,
    ctx: ActionItemContext,
  ): Promise<ActionItem> {
    const now = ctx.now ?? new Date().toISOString();
    const title = request.title.trim();
    if (!title) throw new InputError('title must not be empty');
    const [owner] = await this.options.refs.validate(
      [ownerCheck(request.owner)],
      ctx.credentials,
    );
    const review = await this.options.reviews.getReview(incident.id);
    const item = await this.options.store.createActionItem(
      {
        title,
        description: request.description?.trim() || undefined,
        owner,
        dueDate: checkDueDate(request.dueDate),
        status: 'open',
        incidentId: incident.id,
        reviewId: review?.id,
        problemId: request.problem
          ? await this.problemId('problem', request.problem)
          : undefined,
        changeId: request.change
          ? await this.changeId('change', request.change)
          : undefined,
        createdBy: ctx.actor,
      },
      now,
    );
    await this.options.notifier.notify(item, 'assigned');
    return item;
  }

  async update(
    current: ActionItem,
    request: Omit<UpdateActionItemRequest, 'version'>,
    version: number | undefined,
    ctx: ActionItemContext,
  ): Promise<ActionItem> {
    const now = ctx.now ?? new Date().toISOString();
    checkVersion(current, version, 'Action item');
    const changes: ActionItemChanges = {};
    if (request.title !== undefined) {
      const title = request.title.trim();
      if (!title) throw new InputError('title must not be empty');
      changes.title = title;
    }
    if (request.description !== undefined) {
      changes.description = request.description.trim() || null;
    }
    if (request.owner !== undefined) {
      const [owner] = await this.options.refs.validate(
        [ownerCheck(request.owner)],
        ctx.credentials,
      );
      if (owner !== current.owner) changes.owner = owner;
    }
    if (request.dueDate !== undefined) {
      changes.dueDate = checkDueDate(request.dueDate);
    }
    if (request.status !== undefined && request.status !== current.status) {
      const refusal = checkActionItemTransition(current.status, request.status);
      if (refusal) throw new InputError(refusal);
      changes.status = request.status;
      changes.completedAt = request.status === 'done' ? now : null;
    }
    if (request.problem !== undefined) {
      changes.problemId = request.problem
        ? await this.problemId('problem', request.problem)
        : null;
    }
    if (request.change !== undefined) {
      changes.changeId = request.change
        ? await this.changeId('change', request.change)
        : null;
    }
    if (!Object.keys(changes).length) return current;
    const updated = await this.options.store.updateActionItem(
      current.id,
      current.version,
      changes,
      now,
      utcDay(now),
    );
    if (changes.owner) {
      await this.options.notifier.notify(updated, 'assigned');
    }
    return updated;
  }

  /** Records the problem or change the item became (ids or refs). */
  async link(
    current: ActionItem,
    link: { problemId?: string; changeId?: string },
    ctx: ActionItemContext,
  ): Promise<ActionItem> {
    const now = ctx.now ?? new Date().toISOString();
    return this.options.store.updateActionItem(
      current.id,
      current.version,
      link,
      now,
      utcDay(now),
    );
  }

  private async problemId(field: string, idOrRef: string): Promise<string> {
    const problem = await this.options.problems.getProblem(idOrRef);
    if (!problem) throw new InputError(`${field}: no problem ${idOrRef}`);
    return problem.id;
  }

  private async changeId(field: string, idOrRef: string): Promise<string> {
    const change = await this.options.changes.getChange(idOrRef);
    if (!change) throw new InputError(`${field}: no change ${idOrRef}`);
    return change.id;
  }
}

/** An owner is a user or a group; a bare name is a user. */
function ownerCheck(ref: string) {
  return {
    field: 'owner',
    ref,
    defaultKind: 'user',
    kinds: ['user', 'group'],
  };
}
