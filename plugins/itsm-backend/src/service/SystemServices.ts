import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The services of a catalog system, for reports filtered by system: the
 * system itself (incidents may name it) and its parts (`hasPart`) of the
 * kinds an affected service may be. Read with the caller's credentials, so
 * a system the caller may not see is as unknown as one that does not exist.
 */
export class SystemServices {
  constructor(
    private readonly catalog: CatalogService,
    private readonly serviceKinds: string[],
  ) {}

  async servicesOf(
    systemRef: string,
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const system = await this.catalog.getEntityByRef(systemRef, {
      credentials,
    });
    if (!system) {
      throw new InputError(
        `system: no system "${systemRef}" in the catalog; use system:namespace/name`,
      );
    }
    const kinds = new Set(
      this.serviceKinds.map(k => k.toLocaleLowerCase('en-US')),
    );
    const parts = (system.relations ?? [])
      .filter(r => r.type === 'hasPart')
      .map(r => r.targetRef.toLocaleLowerCase('en-US'))
      .filter(ref => kinds.has(parseEntityRef(ref).kind));
    return [...new Set([systemRef, ...parts])].sort();
  }
}
