import { AuthService, CacheService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** How long a service's catalog entity is reused: owner and annotations. */
export const ENTITY_CACHE_TTL_MS = 60_000;

/**
 * Catalog entities read with the plugin's own credentials and kept briefly
 * in Backstage's cache service (memory per replica by default, or a store
 * the replicas share, e.g. Redis, when the app configures one). What a
 * service page asks about (its owner, its on-call annotation) then costs no
 * catalog round trip while warm; an owner changed in the catalog shows after
 * at most ENTITY_CACHE_TTL_MS. Entities missing from the catalog are not
 * remembered, so a newly registered one is found at once.
 *
 * It answers what the entity says, not whether a user may see it: callers
 * check that with the user's own credentials.
 */
export class CachedEntities {
  private readonly catalog: CatalogService;
  private readonly auth: AuthService;
  private readonly cache: CacheService;
  private readonly ttlMs: number;

  constructor(options: {
    catalog: CatalogService;
    auth: AuthService;
    cache: CacheService;
    ttlMs?: number;
  }) {
    this.catalog = options.catalog;
    this.auth = options.auth;
    this.cache = options.cache.withOptions({
      defaultTtl: options.ttlMs ?? ENTITY_CACHE_TTL_MS,
    });
    this.ttlMs = options.ttlMs ?? ENTITY_CACHE_TTL_MS;
  }

  async get(entityRef: string): Promise<Entity | undefined> {
    const key = `entity:${entityRef}`;
    const cached = await this.cache.get<string>(key);
    if (cached) return JSON.parse(cached) as Entity;
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    if (entity) {
      await this.cache.set(key, JSON.stringify(entity), { ttl: this.ttlMs });
    }
    return entity;
  }
}
