import {
  AuthService,
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createHash } from 'node:crypto';

/** How long a service's catalog entity is reused: owner and annotations. */
export const ENTITY_CACHE_TTL_MS = 60_000;

/**
 * How long what one caller was shown of a set of entities is reused: a user
 * who loses sight of a service or a person in the catalog (a changed
 * permission policy, a deleted entity) may still see them on an on-call
 * answer for this long.
 */
export const SEEN_CACHE_TTL_MS = 30_000;

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

  /**
   * The entities a caller may see, in the order asked (undefined where not
   * found or not visible), with the fields asked: the catalog's answer with
   * the caller's own credentials, reused for SEEN_CACHE_TTL_MS per caller.
   * Callers without an identity (none principals) always ask the catalog.
   */
  async seenBy(
    credentials: BackstageCredentials,
    entityRefs: string[],
    fields: string[],
  ): Promise<Array<Entity | undefined>> {
    const viewer = viewerKey(credentials);
    const ask = async () =>
      (
        await this.catalog.getEntitiesByRefs(
          { entityRefs, fields },
          { credentials },
        )
      ).items.map(item => item ?? undefined);
    if (!viewer) return ask();
    const key = `seen:${createHash('sha256')
      .update(JSON.stringify([viewer, entityRefs, fields]))
      .digest('base64url')}`;
    const cached = await this.cache.get<string>(key);
    if (cached) {
      return (JSON.parse(cached) as Array<Entity | null>).map(
        e => e ?? undefined,
      );
    }
    const items = await ask();
    await this.cache.set(key, JSON.stringify(items.map(e => e ?? null)), {
      ttl: SEEN_CACHE_TTL_MS,
    });
    return items;
  }
}

/** Whose sight an answer was given for: a user's ref or a service's subject. */
function viewerKey(credentials: BackstageCredentials): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    subject?: string;
  };
  if (principal.type === 'user' && principal.userEntityRef) {
    return `user:${principal.userEntityRef}`;
  }
  if (principal.type === 'service' && principal.subject) {
    return `service:${principal.subject}`;
  }
  return undefined;
}
