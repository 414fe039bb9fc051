import { checkVersion } from './checkVersion';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CreateWorkaroundRequest,
  Incident,
  isOpenIncidentStatus,
  Problem,
  ReportSuggestions,
  ReportSuggestionsQuery,
  UpdateWorkaroundRequest,
  Workaround,
} from '@openitsm/backstage-plugin-itsm-common';
import { IncidentStore } from '../database/IncidentStore';
import {
  NewProblemEvent,
  WorkaroundChanges,
  WorkaroundStore,
} from '../database/ProblemStore';
import { DatabaseSimilarIncidents } from '../database/DatabaseSimilarIncidents';
import { EntityRefValidator, serviceCheck } from './EntityRefValidator';
import { ActorContext } from './IncidentService';

/** How many of each the report dialog shows. */
const SUGGESTION_LIMIT = 5;

/** What WorkaroundService is built from. */
export interface WorkaroundServiceOptions {
  store: WorkaroundStore;
  incidents: IncidentStore;
  similar: Pick<DatabaseSimilarIncidents, 'find'>;
  refs: EntityRefValidator;
}

/**
 * Workarounds and known errors: publishing and keeping them current,
 * applying one to an incident, and what to suggest before reporting one.
 */
export class WorkaroundService {
  private readonly store: WorkaroundStore;
  private readonly incidents: IncidentStore;
  private readonly similar: Pick<DatabaseSimilarIncidents, 'find'>;
  private readonly refs: EntityRefValidator;

  constructor(options: WorkaroundServiceOptions) {
    this.store = options.store;
    this.incidents = options.incidents;
    this.similar = options.similar;
    this.refs = options.refs;
  }

  async get(idOrRef: string): Promise<Workaround> {
    const workaround = await this.store.getWorkaround(idOrRef);
    if (!workaround) throw new NotFoundError(`No workaround ${idOrRef}`);
    return workaround;
  }

  async create(
    request: CreateWorkaroundRequest,
    problem: Problem | undefined,
    ctx: ActorContext,
  ): Promise<Workaround> {
    const now = ctx.now ?? new Date().toISOString();
    const title = request.title.trim();
    if (!title) throw new InputError('title must not be empty');
    const steps = request.steps.trim();
    if (!steps) throw new InputError('steps must not be empty');
    // A workaround of a problem applies to its services unless told otherwise
    const requested = request.affectedServices.length
      ? request.affectedServices
      : problem?.affectedServices ?? [];
    if (!requested.length) {
      throw new InputError('affectedServices must name at least one service');
    }
    const services = await this.checkServices(requested, ctx);
    const status = request.status ?? 'active';
    const events: NewProblemEvent[] = [
      {
        type: 'workaround_published',
        actor: ctx.actor,
        message: `Workaround "${title}" published (${status}) for ${services.join(
          ', ',
        )}`,
        after: { title, status, affectedServices: services },
      },
    ];
    return this.store.createWorkaround(
      {
        problemId: problem?.id,
        title,
        steps,
        affectedServices: services,
        status,
        createdBy: ctx.actor,
      },
      events,
      now,
    );
  }

  async update(
    current: Workaround,
    request: Omit<UpdateWorkaroundRequest, 'version'> & { version?: number },
    ctx: ActorContext,
  ): Promise<Workaround> {
    const now = ctx.now ?? new Date().toISOString();
    checkVersion(current, request.version, 'Workaround');
    const changes: WorkaroundChanges = {};
    if (request.title !== undefined) {
      const title = request.title.trim();
      if (!title) throw new InputError('title must not be empty');
      if (title !== current.title) changes.title = title;
    }
    if (request.steps !== undefined) {
      const steps = request.steps.trim();
      if (!steps) throw new InputError('steps must not be empty');
      if (steps !== current.steps) changes.steps = steps;
    }
    if (request.affectedServices !== undefined) {
      if (!request.affectedServices.length) {
        throw new InputError('affectedServices must name at least one service');
      }
      const services = await this.checkServices(request.affectedServices, ctx);
      if (services.join() !== current.affectedServices.join()) {
        changes.affectedServices = services;
      }
    }
    if (request.status !== undefined && request.status !== current.status) {
      changes.status = request.status;
    }
    const keys = Object.keys(changes) as Array<keyof WorkaroundChanges>;
    if (!keys.length) return current;
    const events: NewProblemEvent[] = [
      {
        type: 'workaround_changed',
        actor: ctx.actor,
        message: changes.status
          ? `Workaround ${current.ref} ${
              changes.status === 'retired' ? 'retired' : 'reactivated'
            }`
          : `Workaround ${current.ref}: changed ${keys.join(', ')}`,
        before: Object.fromEntries(keys.map(k => [k, current[k]])),
        after: changes,
      },
    ];
    return this.store.updateWorkaround(
      current.id,
      current.version,
      changes,
      events,
      now,
    );
  }

  /** Records that `incident` applied the workaround, on both. */
  async apply(
    workaround: Workaround,
    incident: Incident,
    ctx: ActorContext,
  ): Promise<Workaround> {
    if (workaround.status !== 'active') {
      throw new InputError(
        `Workaround ${workaround.ref} is retired; only active workarounds can be applied`,
      );
    }
    return this.store.recordUse(
      workaround.id,
      incident.id,
      ctx.actor,
      {
        type: 'workaround_applied',
        actor: ctx.actor,
        message: `Applied workaround ${workaround.ref}: ${workaround.title}`,
        after: { workaroundId: workaround.id, workaroundRef: workaround.ref },
      },
      ctx.now ?? new Date().toISOString(),
    );
  }

  /**
   * Before reporting on a service: its open workarounds, and its open
   * incidents whose text resembles the report (same category when given).
   * `canRead` drops incidents the caller may not see.
   */
  async suggestions(
    query: ReportSuggestionsQuery,
    canRead: (incident: Incident) => Promise<boolean>,
  ): Promise<ReportSuggestions> {
    const text = `${query.title ?? ''} ${query.description ?? ''}`;
    const [workarounds, ids] = await Promise.all([
      this.store.listWorkarounds({
        entityRef: query.entityRef,
        open: true,
        limit: SUGGESTION_LIMIT,
      }),
      this.similar.find({
        entityRef: query.entityRef,
        text,
        category: query.category,
        limit: SUGGESTION_LIMIT,
      }),
    ]);
    const found = await this.incidents.getIncidentsByIds(ids);
    const byId = new Map(found.map(i => [i.id, i]));
    const similarIncidents: Incident[] = [];
    for (const id of ids) {
      const incident = byId.get(id);
      if (
        incident &&
        isOpenIncidentStatus(incident.status) &&
        (await canRead(incident))
      ) {
        similarIncidents.push(incident);
      }
    }
    return { workarounds: workarounds.items, similarIncidents };
  }

  private async checkServices(refs: string[], ctx: ActorContext) {
    const checks = refs.map((ref, i) =>
      serviceCheck(`affectedServices[${i}]`, ref),
    );
    const normalized = await this.refs.validate(checks, ctx.credentials);
    return [...new Set(normalized)];
  }
}
