import fc from 'fast-check';
import { FuzzedParameter, FuzzedRoute, resolve, Schema } from './fuzzedRoutes';
import {
  BAD_CURSORS,
  BAD_LIMITS,
  BOUNDARY_DATES,
  hostileValue,
} from './hostileValues';
import { FuzzPools, isDateField, validValue } from './validValues';

export type { FuzzPools } from './validValues';

/** One generated request. */
export interface FuzzedRequest {
  method: FuzzedRoute['method'];
  url: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** A JSON value to send, or raw text (`{ raw }`) such as broken JSON. */
  body?: { json: unknown } | { raw: string };
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
