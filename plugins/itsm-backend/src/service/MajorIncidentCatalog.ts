import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  RELATION_HAS_MEMBER,
  RELATION_PART_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_SLA_TIER,
  BlastRadius,
  dependentsFromRelations,
  walkBlastRadius,
} from '@openitsm/backstage-plugin-itsm-common';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'spec.owner',
  'spec.system',
  'spec.type',
  'relations',
];

/** The most services the status page lists. */
export const MAX_STATUS_SERVICES = 2000;

/** What the major-incident rules read of a catalog entity. */
export interface ServiceFacts {
  entityRef: string;
  title: string;
  owner?: string;
  system?: string;
  tier?: string;
}

/**
 * The catalog as major incidents see it: dependents (blast radius), owners,
 * systems, tiers and group members, read with the plugin's own credentials.
 */
export class MajorIncidentCatalog {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Entities by ref (lower-cased refs), the missing ones left out. */
  async entities(refs: string[]): Promise<Map<string, Entity>> {
    const result = new Map<string, Entity>();
    const unique = [...new Set(refs.map(r => r.toLocaleLowerCase('en-US')))];
    if (!unique.length) return result;
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: unique, fields: FIELDS },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    items.forEach((entity, i) => {
      if (entity) result.set(unique[i], entity);
    });
    return result;
  }

  /** The services of the given kinds, at most MAX_STATUS_SERVICES. */
  async services(kinds: string[]): Promise<Entity[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: kinds },
        fields: FIELDS,
        limit: MAX_STATUS_SERVICES,
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return items;
  }

  /** The direct members (users) of each group. */
  async membersOf(groupRefs: string[]): Promise<Map<string, string[]>> {
    const groups = await this.entities(groupRefs);
    const members = new Map<string, string[]>();
    for (const [ref, group] of groups) {
      members.set(
        ref,
        (group.relations ?? [])
          .filter(r => r.type === RELATION_HAS_MEMBER)
          .map(r => r.targetRef.toLocaleLowerCase('en-US')),
      );
    }
    return members;
  }

  /** Title, owner group, system and SLA tier of an entity. */
  facts(entityRef: string, entity: Entity | undefined): ServiceFacts {
    if (!entity) return { entityRef, title: nameOf(entityRef) };
    const namespace = entity.metadata.namespace ?? 'default';
    const spec = (entity.spec ?? {}) as { owner?: unknown; system?: unknown };
    const partOf = entity.relations?.find(
      r =>
        r.type === RELATION_PART_OF &&
        r.targetRef.toLocaleLowerCase('en-US').startsWith('system:'),
    )?.targetRef;
    return {
      entityRef,
      title: entity.metadata.title ?? entity.metadata.name,
      owner: qualified(spec.owner, 'group', namespace),
      system:
        partOf?.toLocaleLowerCase('en-US') ??
        qualified(spec.system, 'system', namespace),
      tier: entity.metadata.annotations?.[ANNOTATION_SLA_TIER],
    };
  }

  /**
   * The services depending on `affected`, up to `depth` steps, with their
   * titles, owners and systems.
   */
  async blastRadius(affected: string[], depth: number): Promise<BlastRadius> {
    const known = new Map<string, Entity>();
    const steps = await walkBlastRadius(affected, depth, async refs => {
      const missing = refs.filter(r => !known.has(r));
      for (const [ref, entity] of await this.entities(missing)) {
        known.set(ref, entity);
      }
      return new Map(
        refs.map(r => [r, dependentsFromRelations(known.get(r)?.relations)]),
      );
    });
    // The last level's entities were not loaded by the walk
    const unloaded = steps.map(s => s.entityRef).filter(r => !known.has(r));
    for (const [ref, entity] of await this.entities(unloaded)) {
      known.set(ref, entity);
    }
    const services = steps.map(step => {
      const facts = this.facts(step.entityRef, known.get(step.entityRef));
      return {
        ...step,
        title: facts.title,
        system: facts.system,
        owner: facts.owner,
      };
    });
    const systems = [
      ...new Set(services.flatMap(s => (s.system ? [s.system] : []))),
    ].sort();
    return { depth, services, systems };
  }
}

function qualified(
  value: unknown,
  kind: string,
  namespace: string,
): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(value, { defaultKind: kind, defaultNamespace: namespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function nameOf(ref: string): string {
  try {
    return parseEntityRef(ref).name;
  } catch {
    return ref;
  }
}
