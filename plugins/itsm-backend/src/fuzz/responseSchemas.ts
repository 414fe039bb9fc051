import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApi, Schema } from './fuzzedRoutes';

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
// The spec's components under one id, so `#/components/...` refs resolve.
ajv.addSchema({ $id: 'itsm', components: openApi.components });

const rewriteRefs = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(rewriteRefs);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [
        k,
        k === '$ref' && typeof v === 'string' && v.startsWith('#/')
          ? `itsm${v}`
          : rewriteRefs(v),
      ]),
    );
  }
  return schema;
};

const validators = new Map<Schema, ReturnType<typeof ajv.compile>>();

/** The schema errors of a response body, or undefined when it conforms. */
export function responseSchemaErrors(
  schema: Schema,
  body: unknown,
): string | undefined {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(rewriteRefs(schema) as object);
    validators.set(schema, validate);
  }
  return validate(body) ? undefined : ajv.errorsText(validate.errors);
}
