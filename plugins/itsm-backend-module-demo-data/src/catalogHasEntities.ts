import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * Polls the catalog until it knows every one of `entityRefs`, or until the
 * timeout; true when they all resolved.
 */
export async function catalogHasEntities(
  catalog: CatalogService,
  auth: AuthService,
  entityRefs: string[],
  options: { timeoutMs: number; intervalMs?: number },
): Promise<boolean> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs, fields: ['metadata.name'] },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    if (items.every(Boolean)) return true;
    if (Date.now() > deadline) return false;
    await new Promise(r => setTimeout(r, options.intervalMs ?? 2000));
  }
}
