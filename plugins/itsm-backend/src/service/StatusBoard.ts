import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  compareServiceStates,
  compareStatusIncidents,
  Incident,
  MajorIncidentConfig,
  OPEN_INCIDENT_STATUSES,
  serviceState,
  ServiceStatus,
  StakeholderUpdate,
  StatusIncident,
  StatusQuery,
  StatusResponse,
  SystemStatus,
  walkBlastRadius,
  dependentsFromRelations,
  worstServiceState,
} from '@openitsm/backstage-plugin-itsm-common';
import { DatabaseMajorIncidentStore } from '../database/DatabaseMajorIncidentStore';
import { IncidentStore } from '../database/IncidentStore';
import { normalizeEntityRef } from './entityRefs';
import { MajorIncidentCatalog } from './MajorIncidentCatalog';
import { InputError } from '@backstage/errors';

/** The most open incidents the status page looks at. */
const MAX_OPEN_INCIDENTS = 500;

/** What StatusBoard is built from. */
export interface StatusBoardOptions {
  incidents: IncidentStore;
  store: DatabaseMajorIncidentStore;
  catalog: MajorIncidentCatalog;
  config: Pick<MajorIncidentConfig, 'blastRadiusDepth'>;
  /** Catalog kinds that are services (`itsm.affectedServiceKinds`). */
  serviceKinds: string[];
}

/**
 * The status page: the state of every service from its open incidents and
 * from the major incidents of the services it depends on.
 */
export class StatusBoard {
  constructor(private readonly options: StatusBoardOptions) {}

  async status(
    query: StatusQuery,
    /** Whether the caller may read an incident (else it is shown anonymised). */
    readable: (incident: Incident) => boolean,
    now: string = new Date().toISOString(),
  ): Promise<StatusResponse> {
    const { incidents, store, catalog, config } = this.options;
    const entityRef = query.entityRef
      ? parseRef('entityRef', query.entityRef, 'component')
      : undefined;
    const system = query.system
      ? parseRef('system', query.system, 'system')
      : undefined;

    const open = (
      await incidents.listIncidents({
        status: [...OPEN_INCIDENT_STATUSES],
        limit: MAX_OPEN_INCIDENTS,
      })
    ).items;
    const latest = await store.latestStakeholderUpdates(open.map(i => i.id));

    // Services depending on a service with a major incident are degraded
    const majorServices = [
      ...new Set(open.filter(i => i.major).flatMap(i => i.affectedServices)),
    ];
    const impactedBy = new Map<string, Set<string>>();
    const relations = new Map<string, Entity>();
    for (const root of majorServices) {
      const steps = await walkBlastRadius(
        [root],
        config.blastRadiusDepth,
        async refs => {
          const missing = refs.filter(r => !relations.has(r));
          for (const [ref, e] of await catalog.entities(missing)) {
            relations.set(ref, e);
          }
          return new Map(
            refs.map(r => [
              r,
              dependentsFromRelations(relations.get(r)?.relations),
            ]),
          );
        },
      );
      for (const step of steps) {
        const set = impactedBy.get(step.entityRef) ?? new Set<string>();
        set.add(root);
        impactedBy.set(step.entityRef, set);
      }
    }

    // The services to list
    let entities: Map<string, Entity>;
    if (entityRef) {
      entities = await catalog.entities([entityRef]);
      if (!entities.size) {
        throw new InputError(
          `entityRef: unknown entity ${entityRef}; it is not in the catalog`,
        );
      }
    } else {
      entities = new Map(
        (await catalog.services(this.options.serviceKinds)).map(e => [
          stringifyEntityRef(e).toLocaleLowerCase('en-US'),
          e,
        ]),
      );
      // Services with incidents or degraded ones the listing cut off
      const extra = [
        ...open.flatMap(i => i.affectedServices),
        ...impactedBy.keys(),
      ].filter(r => !entities.has(r));
      for (const [ref, e] of await catalog.entities(extra)) {
        entities.set(ref, e);
      }
    }

    const byService = new Map<string, Incident[]>();
    for (const incident of open) {
      for (const ref of incident.affectedServices) {
        byService.set(ref, [...(byService.get(ref) ?? []), incident]);
      }
    }

    const services: ServiceStatus[] = [];
    for (const [ref, entity] of entities) {
      const facts = catalog.facts(ref, entity);
      if (system && facts.system !== system) continue;
      if (facts.entityRef.startsWith('system:')) continue;
      const list = (byService.get(ref) ?? [])
        .map(i => toStatusIncident(i, readable(i), latest.get(i.id)))
        .sort(compareStatusIncidents);
      const roots = [...(impactedBy.get(ref) ?? [])].sort();
      services.push({
        entityRef: ref,
        title: facts.title,
        system: facts.system,
        state: serviceState(list, roots.length > 0),
        incidents: list,
        impactedBy: roots,
      });
    }
    services.sort(
      (a, b) =>
        compareServiceStates(a.state, b.state) ||
        (a.incidents[0] && b.incidents[0]
          ? compareStatusIncidents(a.incidents[0], b.incidents[0])
          : 0) ||
        a.title.localeCompare(b.title),
    );

    const systemsByRef = new Map<string, ServiceStatus[]>();
    for (const s of services) {
      if (!s.system) continue;
      systemsByRef.set(s.system, [...(systemsByRef.get(s.system) ?? []), s]);
    }
    const systemEntities = await catalog.entities([...systemsByRef.keys()]);
    const systems: SystemStatus[] = [...systemsByRef.entries()].map(
      ([ref, list]) => ({
        entityRef: ref,
        title: catalog.facts(ref, systemEntities.get(ref)).title,
        state: worstServiceState(list.map(s => s.state)),
        serviceCount: list.length,
        affectedCount: list.filter(s => s.state !== 'operational').length,
      }),
    );
    systems.sort(
      (a, b) =>
        compareServiceStates(a.state, b.state) ||
        a.title.localeCompare(b.title),
    );
    return {
      generatedAt: now,
      services,
      systems,
      operationalCount: services.filter(s => s.state === 'operational').length,
    };
  }
}

function toStatusIncident(
  incident: Incident,
  readable: boolean,
  latest: StakeholderUpdate | undefined,
): StatusIncident {
  return {
    ...(readable ? { ref: incident.ref, title: incident.title } : {}),
    priority: incident.priority,
    status: incident.status,
    major: incident.major,
    detectedAt: incident.detectedAt,
    latestUpdate: latest && {
      message: latest.message,
      stage: latest.stage,
      impact: latest.impact,
      nextSteps: latest.nextSteps,
      nextUpdateAt: latest.nextUpdateAt,
      at: latest.at,
    },
  };
}

function parseRef(field: string, ref: string, defaultKind: string): string {
  try {
    return normalizeEntityRef(ref, defaultKind);
  } catch {
    throw new InputError(
      `${field}: "${ref}" is not an entity ref; use kind:namespace/name, e.g. ${defaultKind}:default/my-name`,
    );
  }
}
