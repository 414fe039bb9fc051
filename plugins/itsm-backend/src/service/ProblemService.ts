import { checkVersion } from './checkVersion';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Change,
  checkProblemTransition,
  CreateProblemRequest,
  Incident,
  isOpenProblemStatus,
  Problem,
  requiredProblemFields,
  UpdateProblemRequest,
} from '@openitsm/backstage-plugin-itsm-common';
import { ChangeStore } from '../database/ChangeStore';
import { IncidentStore } from '../database/IncidentStore';
import {
  NewProblemEvent,
  ProblemChanges,
  ProblemStore,
} from '../database/ProblemStore';
import {
  EntityRefValidator,
  RefCheck,
  serviceCheck,
} from './EntityRefValidator';
import { ActorContext } from './IncidentService';
import { RecordEvents } from '../events/recordEvents';

/** What ProblemService is built from. */
export interface ProblemServiceOptions {
  store: ProblemStore;
  incidents: IncidentStore;
  refs: EntityRefValidator;
  /** The changes, to link those that fix a problem. */
  changes: Pick<ChangeStore, 'getChange'>;
  /** Told of each committed write (the events service). */
  events?: Pick<RecordEvents, 'onProblemEvent'>;
}

/**
 * The problem rules: the lifecycle and its required fields, incident links
 * (an incident belongs to at most one problem), catalog checks on refs, and
 * the audit entry for each change.
 */
export class ProblemService {
  private readonly store: ProblemStore;
  private readonly incidents: IncidentStore;
  private readonly refs: EntityRefValidator;
  private readonly changes: Pick<ChangeStore, 'getChange'>;
  private readonly events: ProblemServiceOptions['events'];

  constructor(options: ProblemServiceOptions) {
    this.events = options.events;
    this.store = options.store;
    this.incidents = options.incidents;
    this.refs = options.refs;
    this.changes = options.changes;
  }

  async get(idOrRef: string): Promise<Problem> {
    const problem = await this.store.getProblem(idOrRef);
    if (!problem) throw new NotFoundError(`No problem ${idOrRef}`);
    return problem;
  }

  /** Incidents named by id or ref in a request field, all of them found. */
  async resolveIncidents(field: string, idsOrRefs: string[]) {
    const found: Incident[] = [];
    for (const [i, idOrRef] of idsOrRefs.entries()) {
      const incident = await this.incidents.getIncident(idOrRef);
      if (!incident) {
        throw new InputError(`${field}[${i}]: no incident ${idOrRef}`);
      }
      if (!found.some(f => f.id === incident.id)) found.push(incident);
    }
    return found;
  }

  async create(
    request: CreateProblemRequest,
    incidents: Incident[],
    ctx: ActorContext,
    options: { fromProposalId?: string } = {},
  ): Promise<Problem> {
    const now = ctx.now ?? new Date().toISOString();
    const title = request.title.trim();
    if (!title) throw new InputError('title must not be empty');
    for (const incident of incidents) {
      if (incident.problemId) {
        throw new ConflictError(
          `Incident ${incident.ref} is already linked to another problem; unlink it there first`,
        );
      }
    }
    const [addedServices, ownerGroup, assignee] = await this.checkRefs(
      request,
      ctx,
    );
    const refs = incidents.map(i => i.ref);
    const events: NewProblemEvent[] = [
      {
        type: 'created',
        actor: ctx.actor,
        message: refs.length ? `Opened from ${refs.join(', ')}` : 'Opened',
        after: { status: 'new', incidents: refs },
      },
    ];
    const problem = await this.store.createProblem(
      {
        title,
        description: request.description ?? '',
        status: 'new',
        addedServices: addedServices ?? [],
        ownerGroup,
        assignee,
        createdBy: ctx.actor,
      },
      { link: incidents.map(i => i.id), actor: ctx.actor },
      events,
      now,
      options,
    );
    await this.events?.onProblemEvent({
      type: 'created',
      problem,
      actor: ctx.actor,
    });
    return problem;
  }

  async update(
    current: Problem,
    request: Omit<UpdateProblemRequest, 'version'> & { version?: number },
    ctx: ActorContext,
  ): Promise<Problem> {
    const now = ctx.now ?? new Date().toISOString();
    const version = this.checkVersion(current, request.version);
    const changes: ProblemChanges = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set = <K extends keyof ProblemChanges>(
      key: K,
      value: ProblemChanges[K],
    ) => {
      changes[key] = value;
      before[key] = current[key as keyof Problem];
      after[key] = value ?? undefined;
    };

    if (request.title !== undefined) {
      const title = request.title.trim();
      if (!title) throw new InputError('title must not be empty');
      if (title !== current.title) set('title', title);
    }
    if (
      request.description !== undefined &&
      request.description !== current.description
    ) {
      set('description', request.description);
    }
    if (request.rootCause !== undefined) {
      const rootCause = request.rootCause?.trim() || null;
      if ((rootCause ?? undefined) !== current.rootCause) {
        set('rootCause', rootCause);
      }
    }
    const [addedServices, ownerGroup, assignee] = await this.checkRefs(
      {
        affectedServices: request.affectedServices,
        ownerGroup: request.ownerGroup ?? undefined,
        assignee: request.assignee ?? undefined,
      },
      ctx,
    );
    if (
      addedServices &&
      addedServices.join() !== current.addedServices.join()
    ) {
      set('addedServices', addedServices);
    }
    if (request.ownerGroup !== undefined) {
      const value = request.ownerGroup === null ? null : ownerGroup!;
      if ((value ?? undefined) !== current.ownerGroup) set('ownerGroup', value);
    }
    if (request.assignee !== undefined) {
      const value = request.assignee === null ? null : assignee!;
      if ((value ?? undefined) !== current.assignee) set('assignee', value);
    }

    const events: NewProblemEvent[] = [];
    if (Object.keys(changes).length) {
      events.push({
        type: 'fields_changed',
        actor: ctx.actor,
        message: `Changed ${Object.keys(changes).join(', ')}`,
        before,
        after,
      });
    }

    const to = request.status;
    if (to !== undefined && to !== current.status) {
      const refusal = checkProblemTransition(current.status, to, {
        rootCause:
          changes.rootCause === undefined
            ? current.rootCause
            : changes.rootCause,
      });
      if (refusal) throw new InputError(`status: ${refusal}`);
      changes.status = to;
      if (to === 'resolved') changes.resolvedAt = now;
      if (to === 'closed') changes.closedAt = now;
      if (isOpenProblemStatus(to)) {
        changes.resolvedAt = null;
        changes.closedAt = null;
      }
      const fix = current.fixChanges
        .filter(c => c.outcome === 'successful')
        .map(c => c.ref)
        .join(', ');
      events.push({
        type: 'status_changed',
        actor: ctx.actor,
        message: `Status ${current.status} → ${to}${
          to === 'resolved' && fix ? ` (fixed by ${fix})` : ''
        }`,
        before: { status: current.status },
        after: { status: to },
      });
    }
    // What a status requires stays required while the problem is in it
    const status = changes.status ?? current.status;
    const rootCause =
      changes.rootCause === undefined ? current.rootCause : changes.rootCause;
    if (requiredProblemFields(status).includes('rootCause') && !rootCause) {
      throw new InputError(
        `rootCause is required while a problem is ${status}; it cannot be cleared`,
      );
    }
    if (!events.length) return current;
    return this.updated(
      current,
      await this.store.updateProblem(current.id, version, changes, events, now),
      ctx,
    );
  }

  async changeIncidents(
    current: Problem,
    version: number | undefined,
    link: Incident[],
    unlink: Incident[],
    ctx: ActorContext,
  ): Promise<Problem> {
    const now = ctx.now ?? new Date().toISOString();
    const expected = this.checkVersion(current, version);
    if (!link.length && !unlink.length) {
      throw new InputError('link or unlink must name at least one incident');
    }
    for (const incident of link) {
      if (incident.problemId && incident.problemId !== current.id) {
        throw new ConflictError(
          `Incident ${incident.ref} is already linked to another problem; unlink it there first`,
        );
      }
    }
    for (const incident of unlink) {
      if (incident.problemId !== current.id) {
        throw new InputError(
          `unlink: incident ${incident.ref} is not linked to ${current.ref}`,
        );
      }
    }
    const toLink = link.filter(i => i.problemId !== current.id);
    const events: NewProblemEvent[] = [];
    if (toLink.length) {
      events.push({
        type: 'incidents_linked',
        actor: ctx.actor,
        message: `Linked ${toLink.map(i => i.ref).join(', ')}`,
        after: { incidents: toLink.map(i => i.ref) },
      });
    }
    if (unlink.length) {
      events.push({
        type: 'incidents_unlinked',
        actor: ctx.actor,
        message: `Unlinked ${unlink.map(i => i.ref).join(', ')}`,
        before: { incidents: unlink.map(i => i.ref) },
      });
    }
    if (!events.length) return current;
    return this.updated(
      current,
      await this.store.changeIncidentLinks(
        current.id,
        expected,
        {
          link: toLink.map(i => i.id),
          unlink: unlink.map(i => i.id),
          actor: ctx.actor,
        },
        events,
        now,
      ),
      ctx,
    );
  }

  /** Changes named by id or ref in a request field, all of them found. */
  async resolveChanges(field: string, idsOrRefs: string[]) {
    const found: Change[] = [];
    for (const [i, idOrRef] of idsOrRefs.entries()) {
      const change = await this.changes.getChange(idOrRef.trim());
      if (!change) throw new InputError(`${field}[${i}]: no change ${idOrRef}`);
      if (!found.some(f => f.id === change.id)) found.push(change);
    }
    return found;
  }

  /**
   * Links and unlinks the changes that fix the problem: the link is the
   * change's problemRef, so a change fixes at most one problem.
   */
  async changeChanges(
    current: Problem,
    version: number | undefined,
    link: Change[],
    unlink: Change[],
    ctx: ActorContext,
  ): Promise<Problem> {
    const now = ctx.now ?? new Date().toISOString();
    const expected = this.checkVersion(current, version);
    if (!link.length && !unlink.length) {
      throw new InputError('link or unlink must name at least one change');
    }
    if (link.length && current.status === 'closed') {
      throw new InputError(
        `link: problem ${current.ref} is closed; a closed problem takes no more changes`,
      );
    }
    for (const change of link) {
      if (change.problemRef && change.problemRef !== current.ref) {
        throw new ConflictError(
          `Change ${change.ref} already fixes problem ${change.problemRef}; unlink it there first`,
        );
      }
    }
    for (const change of unlink) {
      if (change.problemRef !== current.ref) {
        throw new InputError(
          `unlink: change ${change.ref} is not linked to ${current.ref}`,
        );
      }
      if (link.some(l => l.id === change.id)) {
        throw new InputError(
          `unlink: change ${change.ref} is also in link; name it once`,
        );
      }
    }
    const toLink = link.filter(c => c.problemRef !== current.ref);
    const events: NewProblemEvent[] = [];
    if (toLink.length) {
      events.push({
        type: 'changes_linked',
        actor: ctx.actor,
        message: `Linked change${toLink.length > 1 ? 's' : ''} ${toLink
          .map(c => c.ref)
          .join(', ')}`,
        after: { changes: toLink.map(c => c.ref) },
      });
    }
    if (unlink.length) {
      events.push({
        type: 'changes_unlinked',
        actor: ctx.actor,
        message: `Unlinked change${unlink.length > 1 ? 's' : ''} ${unlink
          .map(c => c.ref)
          .join(', ')}`,
        before: { changes: unlink.map(c => c.ref) },
      });
    }
    if (!events.length) return current;
    return this.updated(
      current,
      await this.store.changeChangeLinks(
        current.id,
        expected,
        {
          link: toLink.map(c => c.id),
          unlink: unlink.map(c => c.id),
          actor: ctx.actor,
        },
        events,
        now,
      ),
      ctx,
    );
  }

  /** Tells of a committed update, then returns the problem as it is now. */
  private async updated(
    previous: Problem,
    problem: Problem,
    ctx: ActorContext,
  ): Promise<Problem> {
    await this.events?.onProblemEvent({
      type: 'updated',
      problem,
      previous,
      actor: ctx.actor,
    });
    return problem;
  }

  private checkVersion(current: Problem, version: number | undefined) {
    checkVersion(current, version, 'Problem');
    return version;
  }

  /** The services added by hand, ownerGroup and assignee, normalized and checked. */
  private async checkRefs(
    request: Pick<
      CreateProblemRequest,
      'affectedServices' | 'ownerGroup' | 'assignee'
    >,
    ctx: ActorContext,
  ): Promise<[string[] | undefined, string | undefined, string | undefined]> {
    const checks: RefCheck[] = (request.affectedServices ?? []).map((ref, i) =>
      serviceCheck(`affectedServices[${i}]`, ref),
    );
    if (request.ownerGroup) {
      checks.push({
        field: 'ownerGroup',
        ref: request.ownerGroup,
        defaultKind: 'group',
        kinds: ['group'],
      });
    }
    if (request.assignee) {
      checks.push({
        field: 'assignee',
        ref: request.assignee,
        defaultKind: 'user',
        kinds: ['user'],
      });
    }
    const normalized = await this.refs.validate(checks, ctx.credentials);
    const count = request.affectedServices?.length ?? 0;
    let next = count;
    return [
      request.affectedServices
        ? [...new Set(normalized.slice(0, count))]
        : undefined,
      request.ownerGroup ? normalized[next++] : undefined,
      request.assignee ? normalized[next++] : undefined,
    ];
  }
}
