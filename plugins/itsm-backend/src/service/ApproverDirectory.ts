import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';

/**
 * The groups a user belongs to, from the catalog's `memberOf` relations.
 * Looked up with the plugin's own credentials: membership decides who may
 * approve, so it must not depend on what the caller can see.
 */
export class ApproverDirectory {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async groupsOf(userRef: string): Promise<string[]> {
    if (!userRef.startsWith('user:')) return [];
    const entity = await this.catalog.getEntityByRef(userRef, {
      credentials: await this.auth.getOwnServiceCredentials(),
    });
    return (entity?.relations ?? [])
      .filter(r => r.type === 'memberOf')
      .map(r => r.targetRef.toLocaleLowerCase('en-US'));
  }
}
