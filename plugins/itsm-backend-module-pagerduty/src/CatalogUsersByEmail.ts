import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, UserEntity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_CHAT_URL,
  OnCallPerson,
} from '@openitsm/backstage-plugin-itsm-common';

/** The catalog side of a person: who they are in Backstage. */
export type CatalogPerson = Pick<
  OnCallPerson,
  'userRef' | 'displayName' | 'email' | 'chatUrl'
>;

/**
 * Finds catalog users by their `spec.profile.email`, in one catalog query,
 * so people paged by PagerDuty show as the Backstage users they are.
 */
export class CatalogUsersByEmail {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  /**
   * Catalog users keyed by lower-cased email. When the catalog cannot be
   * asked the answer is empty: PagerDuty's names are still worth showing.
   */
  async find(emails: string[]): Promise<Map<string, CatalogPerson>> {
    const wanted = [...new Set(emails.map(e => e.toLowerCase()))];
    const found = new Map<string, CatalogPerson>();
    if (wanted.length === 0) return found;
    try {
      const { items } = await this.deps.catalog.getEntities(
        {
          filter: { kind: 'user', 'spec.profile.email': wanted },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.title',
            'metadata.annotations',
            'spec.profile',
          ],
        },
        { credentials: await this.deps.auth.getOwnServiceCredentials() },
      );
      for (const user of items as UserEntity[]) {
        const email = user.spec?.profile?.email;
        if (!email || found.has(email.toLowerCase())) continue;
        found.set(email.toLowerCase(), {
          userRef: stringifyEntityRef(user),
          displayName:
            user.spec?.profile?.displayName ??
            user.metadata.title ??
            user.metadata.name,
          email,
          chatUrl: user.metadata.annotations?.[ANNOTATION_CHAT_URL],
        });
      }
    } catch (error) {
      this.deps.logger.warn(
        `Could not match PagerDuty on-call users to catalog users: ${error}`,
      );
    }
    return found;
  }
}
