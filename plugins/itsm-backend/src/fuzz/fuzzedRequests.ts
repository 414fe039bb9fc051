import fc from 'fast-check';
import { FuzzedParameter, FuzzedRoute, resolve, Schema } from './fuzzedRoutes';
import {
  BAD_CURSORS,
  BAD_LIMITS,
  BOUNDARY_DATES,
  hostileValue,
} from './hostileValues';

/** Real records and catalog refs, so that some requests get through. */
export interface FuzzPools {
  /** Ids and refs of seeded records by the path's first segment. */
  ids: Record<string, string[]>;
  entityRefs: { services: string[]; groups: string[]; users: string[] };
}

/** One generated request. */
export interface FuzzedRequest {
  method: FuzzedRoute['method'];
  url: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** A JSON value to send, or raw text (`{ raw }`) such as broken JSON. */
  body?: { json: unknown } | { raw: string };
}

const VALID_DATES = [
  '2026-11-01T10:00:00Z',
  '2026-11-20T09:30:00.000Z',
  '2026-12-24T22:00:00+01:00',
  '2027-01-15T00:00:00Z',
];

const isDateField = (name: string) =>
  /(^|[a-z])(At|Start|End)$|^(from|to|at|start|end)$|Date$/.test(name);

/** A catalog ref of the kind the field names: users, groups or services. */
function entityRef(name: string, pools: FuzzPools): fc.Arbitrary<string> {
  if (/group/i.test(name)) return fc.constantFrom(...pools.entityRefs.groups);
  if (/user|assignee/i.test(name))
    return fc.constantFrom(...pools.entityRefs.users);
  return fc.constantFrom(...pools.entityRefs.services);
}

/** A value the schema allows, using field names to pick plausible ones. */
function validValue(
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

const DROP = Symbol('drop');

/** Every path into a JSON value, for replacing or dropping one field. */
function fieldPaths(
  value: unknown,
  prefix: Array<string | number> = [],
): Array<Array<string | number>> {
  if (!value || typeof value !== 'object') return [];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [
    [...prefix, k],
    ...fieldPaths(v, [...prefix, k]),
  ]);
}

function withField(
  value: unknown,
  path: Array<string | number>,
  replacement: unknown | typeof DROP,
): unknown {
  if (path.length === 0) return replacement;
  const copy: any = Array.isArray(value)
    ? [...value]
    : { ...(value as object) };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (replacement === DROP) {
      if (Array.isArray(copy)) copy.splice(head as number, 1);
      else delete copy[head];
    } else {
      Object.defineProperty(copy, head, {
        value: replacement,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return copy;
  }
  copy[head] = withField(copy[head], rest, replacement);
  return copy;
}

/** A valid body, then maybe one mutation: a field dropped, added or replaced. */
function mutatedBody(schema: Schema, pools: FuzzPools) {
  const valid = validValue(schema, 'body', pools);
  const pick = <T>(values: T[]) =>
    fc.nat({ max: Math.max(values.length - 1, 0) }).map(i => values[i]);
  const onePath = (v: unknown) => {
    const paths = fieldPaths(v);
    return paths.length ? pick(paths) : fc.constant(undefined);
  };
  return fc.oneof(
    { weight: 5, arbitrary: valid.map(json => ({ json })) },
    {
      weight: 2,
      arbitrary: valid.chain(v =>
        onePath(v).map(p => ({ json: p ? withField(v, p, DROP) : v })),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          valid,
          fc.constantFrom(
            '__proto__',
            'constructor',
            'extra',
            'id',
            'version',
            'createdBy',
            'reporter',
            'status',
          ),
          hostileValue,
        )
        .map(([v, key, extra]) => ({
          json: v && typeof v === 'object' ? withField(v, [key], extra) : v,
        })),
    },
    {
      weight: 4,
      arbitrary: valid.chain(v =>
        fc.tuple(onePath(v), hostileValue).map(([p, h]) => ({
          json: p ? withField(v, p, h) : h,
        })),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        hostileValue.map(json => ({ json })),
        fc
          .constantFrom('{', '{"title":', 'null', '"x"', '[1,2', '\u0000')
          .map(raw => ({ raw })),
      ),
    },
  );
}

/** A query value: from the schema, hostile, or one of the hand-picked bad ones. */
function queryValue(name: string, schema: Schema, pools: FuzzPools) {
  let special: fc.Arbitrary<string> = fc.constantFrom('', ' ', '%00', '\u0000');
  if (name === 'cursor') special = fc.constantFrom(...BAD_CURSORS);
  else if (name === 'limit') special = fc.constantFrom(...BAD_LIMITS);
  else if (isDateField(name)) special = fc.constantFrom(...BOUNDARY_DATES);
  return fc.oneof(
    {
      weight: 1,
      arbitrary: validValue(schema, name, pools).map(v => String(v)),
    },
    { weight: 3, arbitrary: special },
    {
      weight: 2,
      arbitrary: hostileValue.map(v =>
        typeof v === 'string' ? v : JSON.stringify(v) ?? String(v),
      ),
    },
  );
}

/** A path segment: a seeded record's id or ref, or junk. */
function pathValue(route: FuzzedRoute, name: string, pools: FuzzPools) {
  const segment = name === 'incident' ? 'incidents' : route.path.split('/')[1];
  const known = pools.ids[`${segment}:${name}`] ?? pools.ids[segment] ?? [];
  const junk = fc.oneof(
    fc.constantFrom(
      'INC-999999',
      'PRB-0',
      '00000000-0000-0000-0000-000000000000',
      '..',
      '%2e%2e',
      ' ',
      'x'.repeat(200),
      '😀',
      'null',
      '__proto__',
    ),
    fc.string({ minLength: 1, maxLength: 20 }),
  );
  return known.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...known) },
        { weight: 1, arbitrary: junk },
      )
    : junk;
}

/** A value a query parameter accepts, or undefined to leave it out. */
function validQueryValue(
  route: FuzzedRoute,
  p: FuzzedParameter,
  pools: FuzzPools,
): fc.Arbitrary<string | undefined> {
  // No valid cursor is known up front; bad ones come from the mutations.
  if (p.name === 'cursor') return fc.constant(undefined);
  const value =
    p.name === 'status' && !p.schema.enum
      ? fc.constantFrom(...statusesOf(route))
      : validValue(p.schema, p.name, pools).map(v => String(v));
  return p.required ? value : fc.option(value, { nil: undefined });
}

const STATUS_SCHEMAS: Record<string, string> = {
  incidents: 'IncidentStatus',
  problems: 'ProblemStatus',
  workarounds: 'WorkaroundStatus',
  changes: 'ChangeStatus',
  'problem-proposals': 'ProblemProposalStatus',
};

/** The statuses a list route's `status` filter takes. */
function statusesOf(route: FuzzedRoute): string[] {
  const name = STATUS_SCHEMAS[route.path.split('/')[1]];
  return name
    ? resolve({ $ref: `#/components/schemas/${name}` }).enum
    : ['new'];
}

/** Requests for one route: path, query, If-Match and body all fuzzed. */
export function fuzzedRequests(
  route: FuzzedRoute,
  pools: FuzzPools,
): fc.Arbitrary<FuzzedRequest> {
  const pathParams = route.parameters.filter(p => p.in === 'path');
  const queryParams = route.parameters.filter(p => p.in === 'query');
  const ifMatch = route.parameters.some(p => p.name === 'If-Match');

  const path = fc.tuple(
    ...pathParams.map(p => pathValue(route, p.name, pools)),
  );
  // A valid query, then at most one mutation: one parameter made hostile,
  // an unknown parameter, or a parameter repeated (`?limit=1&limit=2`).
  const validQuery = fc
    .tuple(...queryParams.map(p => validQueryValue(route, p, pools)))
    .map(values =>
      queryParams.flatMap(
        (p, i): Array<[string, string]> =>
          values[i] === undefined ? [] : [[p.name, values[i] as string]],
      ),
    );
  const query = validQuery.chain(valid => {
    const mutations: Array<fc.WeightedArbitrary<Array<[string, string]>>> = [
      { weight: 3, arbitrary: fc.constant(valid) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom('extra', '__proto__', 'constructor', 'toString'),
            fc.string({ maxLength: 10 }),
          )
          .map(extra => [...valid, extra]),
      },
    ];
    if (queryParams.length) {
      mutations.push({
        weight: 5,
        arbitrary: fc
          .nat({ max: queryParams.length - 1 })
          .chain(i =>
            queryValue(queryParams[i].name, queryParams[i].schema, pools).map(
              (v): Array<[string, string]> => [
                ...valid.filter(([k]) => k !== queryParams[i].name),
                [queryParams[i].name, v],
              ],
            ),
          ),
      });
    }
    if (valid.length) {
      mutations.push({
        weight: 1,
        arbitrary: fc
          .nat({ max: valid.length - 1 })
          .map(i => [...valid, valid[i]]),
      });
    }
    return fc.oneof(...mutations);
  });
  const headers = ifMatch
    ? fc
        .option(
          fc.constantFrom(
            '1',
            '2',
            '"1"',
            'W/"1"',
            '0',
            '-1',
            'abc',
            '99999999999999999999',
          ),
          { nil: undefined },
        )
        .map(
          (v): Record<string, string> =>
            v === undefined ? {} : { 'If-Match': v },
        )
    : fc.constant({});
  const body = route.body
    ? mutatedBody(route.body, pools).map(b => b as FuzzedRequest['body'])
    : fc.constant(undefined);

  return fc.record({ path, query, headers, body }).map(r => {
    let i = 0;
    const url = `/api/itsm${route.path.replace(/\{[^}]+\}/g, () =>
      encodeURIComponent(String(r.path[i++])),
    )}`;
    return {
      method: route.method,
      url,
      query: r.query,
      headers: r.headers,
      body: r.body,
    };
  });
}
