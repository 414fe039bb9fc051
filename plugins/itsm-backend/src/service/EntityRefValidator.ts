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
  /** An affected service: the kinds are `itsm.affectedServiceKinds`. */
  service?: boolean;
}

/** The kinds an affected service may be by default (`itsm.affectedServiceKinds`). */
export const DEFAULT_AFFECTED_SERVICE_KINDS = [
  'component',
  'resource',
  'system',
  'api',
];

/** An entry of `affectedServices`; a ref without a kind is a component. */
export function serviceCheck(field: string, ref: string): RefCheck {
  return { field, ref, defaultKind: 'component', service: true };
}

/**
 * Checks that entity refs in a request name entities the catalog knows, and
 * returns them normalized. Unknown refs are a 400 that names the field.
 */
export class EntityRefValidator {
  constructor(
    private readonly catalog: CatalogService,
    private readonly serviceKinds: string[] = DEFAULT_AFFECTED_SERVICE_KINDS,
  ) {}

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
    const kinds = check.service ? this.serviceKinds : check.kinds;
    if (kinds && !kinds.includes(kind)) {
      throw new InputError(
        `${check.field}: "${check.ref}" must be a ${oneOf(kinds)} entity`,
      );
    }
    return ref;
  }
}

/** `a`, `a or b`, `a, b or c`. */
function oneOf(items: string[]): string {
  return items.length > 1
    ? `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`
    : items.join('');
}
