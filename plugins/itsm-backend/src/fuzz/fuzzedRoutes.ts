import { spec } from '../schema/openapi.generated';

/** A JSON schema from the spec, loosely typed: the fuzzer walks any shape. */
export type Schema = { [key: string]: any };

/** A spec parameter, its `$ref` resolved. */
export interface FuzzedParameter {
  name: string;
  in: 'query' | 'path' | 'header';
  required: boolean;
  schema: Schema;
}

/** One route of the served spec that the fuzzer drives. */
export interface FuzzedRoute {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  operationId: string;
  parameters: FuzzedParameter[];
  body?: Schema;
  /** Response schemas by status code (2xx only). */
  responses: Record<string, Schema | undefined>;
}

// A mutable copy: the generated constant is deeply readonly.
export const openApi: Schema = JSON.parse(JSON.stringify(spec));

/** Follows a local `$ref` (`#/components/...`). */
export function resolve(schema: Schema): Schema {
  let current = schema;
  while (current && typeof current.$ref === 'string') {
    current = current.$ref
      .slice(2)
      .split('/')
      .reduce((node: any, key: string) => node[key], openApi);
  }
  return current;
}

/**
 * Every write route (POST, PATCH, PUT, DELETE) and every route that reads a
 * query string (lists, timelines, reports), straight from the spec so a new
 * route is fuzzed the day it is added.
 */
export function fuzzedRoutes(): FuzzedRoute[] {
  const routes: FuzzedRoute[] = [];
  for (const [path, operations] of Object.entries<any>(openApi.paths)) {
    for (const [method, operation] of Object.entries<any>(operations)) {
      if (!operation?.responses) continue;
      const parameters: FuzzedParameter[] = (operation.parameters ?? []).map(
        (p: Schema) => {
          const r = resolve(p);
          return {
            name: r.name,
            in: r.in,
            required: Boolean(r.required),
            schema: resolve(r.schema ?? {}),
          };
        },
      );
      const write = method !== 'get';
      const readsQuery = parameters.some(p => p.in === 'query');
      if (!write && !readsQuery) continue;
      const responses: Record<string, Schema | undefined> = {};
      for (const [status, response] of Object.entries<any>(
        operation.responses,
      )) {
        if (!/^2\d\d$/.test(status)) continue;
        responses[status] =
          resolve(response).content?.['application/json']?.schema;
      }
      routes.push({
        method: method as FuzzedRoute['method'],
        path,
        operationId: operation.operationId,
        parameters,
        body: operation.requestBody?.content?.['application/json']?.schema,
        responses,
      });
    }
  }
  return routes;
}
