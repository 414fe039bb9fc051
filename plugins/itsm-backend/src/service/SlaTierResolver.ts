import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_SLA_TIER } from '@openitsm/backstage-plugin-itsm-common';

/**
 * The SLA tier of a service: its `openitsm.io/sla-tier` annotation, read
 * from the catalog with this plugin's own credentials (the tier is policy,
 * not something the caller's visibility should change).
 */
export class SlaTierResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async tierOf(entityRef: string): Promise<string | undefined> {
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    const tier = entity?.metadata.annotations?.[ANNOTATION_SLA_TIER];
    return tier?.trim() || undefined;
  }
}
