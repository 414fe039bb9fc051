import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parseEntityRef } from '@backstage/catalog-model';
import { normalizeEntityRef } from './entityRefs';

export interface RefCheck {
  /** The request field, named in the error, e.g. `affectedServices[1]`. */
  field: string;
  ref: string;
  /** Kind used when the ref has none; also the only kinds accepted, if set. */
  defaultKind: string;
  kinds?: string[];
}

/**
 * Checks that entity refs in a request name entities the catalog knows, and
 * returns them normalized. Unknown refs are a 400 that names the field.
 */
export class EntityRefValidator {
  constructor(private readonly catalog: CatalogService) {}

  /** Normalizes without asking the catalog (trusted input). */
  normalize(check: RefCheck): string {
    return this.parse(check);
  }

  async validate(
    checks: RefCheck[],
    credentials: BackstageCredentials,
  ): Promise<string[]> {
    const normalized = checks.map(check => this.parse(check));
    if (!normalized.length) {
      return normalized;
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: normalized, fields: ['kind', 'metadata.name'] },
      { credentials },
    );
    items.forEach((entity, index) => {
      if (!entity) {
        throw new InputError(
          `${checks[index].field}: unknown entity ${normalized[index]}; it is not in the catalog`,
        );
      }
    });
    return normalized;
  }

  private parse(check: RefCheck): string {
    let ref: string;
    try {
      ref = normalizeEntityRef(check.ref, check.defaultKind);
    } catch (e) {
      throw new InputError(
        `${check.field}: "${check.ref}" is not an entity ref; use kind:namespace/name, e.g. ${check.defaultKind}:default/my-name`,
      );
    }
    const kind = parseEntityRef(ref).kind;
    if (check.kinds && !check.kinds.includes(kind)) {
      throw new InputError(
        `${check.field}: "${check.ref}" must be a ${check.kinds.join(
          ' or ',
        )} entity`,
      );
    }
    return ref;
  }
}
