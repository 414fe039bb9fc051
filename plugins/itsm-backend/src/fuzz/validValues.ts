import fc from 'fast-check';
import { resolve, Schema } from './fuzzedRoutes';

// Values the spec allows, picked by field name so that requests get past the
// catalog and enum checks often enough for 2xx answers to be checked too.

/** Real records and catalog refs, so that some requests get through. */
export interface FuzzPools {
  /** Ids and refs of seeded records by the path's first segment. */
  ids: Record<string, string[]>;
  entityRefs: { services: string[]; groups: string[]; users: string[] };
}

export const VALID_DATES = [
  '2026-11-01T10:00:00Z',
  '2026-11-20T09:30:00.000Z',
  '2026-12-24T22:00:00+01:00',
  '2027-01-15T00:00:00Z',
];

export const isDateField = (name: string) =>
  /(^|[a-z])(At|Start|End)$|^(from|to|at|start|end)$|Date$/.test(name);

/** A catalog ref of the kind the field names: users, groups or services. */
function entityRef(name: string, pools: FuzzPools): fc.Arbitrary<string> {
  if (/group/i.test(name)) return fc.constantFrom(...pools.entityRefs.groups);
  if (/user|assignee/i.test(name))
    return fc.constantFrom(...pools.entityRefs.users);
  return fc.constantFrom(...pools.entityRefs.services);
}

/** A value the schema allows, using field names to pick plausible ones. */
export function validValue(
  schema: Schema,
  name: string,
  pools: FuzzPools,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (schema.$ref === '#/components/schemas/EntityRef') {
    return entityRef(name, pools);
  }
  const s = resolve(schema);
  if (s.oneOf) {
    return fc.oneof(
      ...s.oneOf.map((o: Schema) => validValue(o, name, pools, depth + 1)),
    );
  }
  if (s.allOf) return validValue(s.allOf[0], name, pools, depth + 1);
  if (s.enum) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      if (name === 'version') return fc.integer({ min: 0, max: 3 });
      const min = s.minimum ?? -10;
      return fc.integer({ min, max: Math.min(s.maximum ?? min + 120, 1e9) });
    }
    case 'array': {
      const items = s.items ?? {};
      const element =
        /^(incidentIds|add|remove|incidents)$/.test(name) &&
        items.type === 'string'
          ? fc.constantFrom(...(pools.ids.incidents ?? ['INC-1']))
          : validValue(items, name, pools, depth + 1);
      return fc.array(element, {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)),
      });
    }
    case 'object': {
      const props = s.properties ?? {};
      const required: string[] = s.required ?? [];
      if (depth > 4) return fc.constant({});
      return fc.record(
        Object.fromEntries(
          Object.entries<Schema>(props).map(([k, v]) => [
            k,
            validValue(v, k, pools, depth + 1),
          ]),
        ),
        { requiredKeys: required },
      );
    }
    case 'string':
    default:
      return validString(s, name, pools);
  }
}

function validString(
  s: Schema,
  name: string,
  pools: FuzzPools,
): fc.Arbitrary<string> {
  if (s.format === 'date-time' || isDateField(name)) {
    if (name === 'startDate')
      return fc.constantFrom('2026-01-01', '2026-11-01');
    return fc.constantFrom(...VALID_DATES);
  }
  if (/entityRef|group|assignee|user|services/i.test(name)) {
    return entityRef(name, pools);
  }
  if (name === 'status') {
    return fc.constantFrom(
      'new',
      'investigating',
      'resolved',
      'closed',
      'draft',
      'active',
      'open',
      'pending',
    );
  }
  if (name === 'category')
    return fc.constantFrom('availability', 'performance', 'other');
  if (name === 'priority') return fc.constantFrom('P1', 'P2', 'P3,P4');
  if (name === 'schedule') return fc.constantFrom('sre-oncall', 'nope');
  if (name === 'timezone') return fc.constantFrom('Europe/Paris', 'UTC');
  if (name === 'handoffTime') return fc.constantFrom('09:00', '18:30');
  if (
    /^(incident|incidentId|problemId|problemRef|exclude|change)$/.test(name)
  ) {
    let segment = 'problems';
    if (name === 'change' || name === 'exclude') segment = 'changes';
    if (name.startsWith('incident')) segment = 'incidents';
    return fc.constantFrom(...(pools.ids[segment] ?? ['x']));
  }
  const maxLength = Math.min(s.maxLength ?? 40, 40);
  const minLength = Math.min(s.minLength ?? 0, maxLength);
  return fc.string({
    minLength: Math.max(minLength, 1),
    maxLength: Math.max(maxLength, 1),
  });
}
