import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PermissionCriteria } from '@backstage/plugin-permission-common';
import {
  PRIORITIES,
  Priority,
  ServiceOpenIncidents,
  ServicesOpenIncidents,
} from '@openitsm/backstage-plugin-itsm-common';
import { IncidentStore } from '../database/IncidentStore';
import { IncidentQueryFilter } from '../permissions/rules';

/** The most services of the owners that are looked at. */
export const MAX_OWNED_SERVICES = 2000;

/**
 * "My groups' services with open incidents": the owners' services from the
 * catalog (as the caller sees it), their open incidents counted in SQL.
 */
export class OwnedServicesOpenIncidents {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      incidents: IncidentStore;
      /** Catalog kinds that are services (`itsm.affectedServiceKinds`). */
      serviceKinds: string[];
    },
  ) {}

  async list(
    owners: string[],
    credentials: BackstageCredentials,
    permissionFilter?: PermissionCriteria<IncidentQueryFilter>,
  ): Promise<ServicesOpenIncidents> {
    const { catalog, incidents, serviceKinds } = this.options;
    const { items: entities } = await catalog.getEntities(
      {
        filter: { kind: serviceKinds, 'relations.ownedBy': owners },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'relations',
        ],
        limit: MAX_OWNED_SERVICES,
      },
      { credentials },
    );
    // The catalog filtered already; the check keeps the owner each row names
    const services = new Map<string, Entity>(
      entities
        .filter(e => ownerOf(e, owners) !== undefined)
        .map(e => [stringifyEntityRef(e).toLocaleLowerCase('en-US'), e]),
    );
    const counts = await incidents.countOpenByService(
      [...services.keys()],
      permissionFilter,
    );
    const byService = new Map<string, ServiceOpenIncidents>();
    for (const { entityRef, priority, count } of counts) {
      const entity = services.get(entityRef);
      if (!entity) continue;
      const item = byService.get(entityRef) ?? {
        entityRef,
        title: entity.metadata.title ?? entity.metadata.name,
        owner: ownerOf(entity, owners)!,
        openCount: 0,
        openByPriority: Object.fromEntries(
          PRIORITIES.map(p => [p, 0]),
        ) as Record<Priority, number>,
      };
      item.openByPriority[priority] += count;
      item.openCount += count;
      byService.set(entityRef, item);
    }
    const items = [...byService.values()].sort(
      (a, b) =>
        compareWorst(a, b) ||
        b.openCount - a.openCount ||
        a.title.localeCompare(b.title),
    );
    return { items, serviceCount: services.size };
  }
}

/** The first of the owners asked about that owns the entity, if any. */
function ownerOf(entity: Entity, owners: string[]): string | undefined {
  const ownedBy = (entity.relations ?? [])
    .filter(r => r.type === RELATION_OWNED_BY)
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  return owners.find(o => ownedBy.includes(o));
}

/** The service with open incidents of the higher priority first. */
function compareWorst(a: ServiceOpenIncidents, b: ServiceOpenIncidents) {
  for (const p of PRIORITIES) {
    const diff = b.openByPriority[p] - a.openByPriority[p];
    if (diff) return diff;
  }
  return 0;
}
