import { InputError } from '@backstage/errors';
import { parseEntityRefParam } from '../router/parseListQuery';
import { Zod } from './actionOutputs';

/** How many records a list action answers when not told. */
export const DEFAULT_ACTION_LIMIT = 25;

/** The service an action is about, as the API takes it (full ref or name). */
export const serviceRefInput = (z: Zod) =>
  z
    .string()
    .min(1)
    .max(255)
    .describe(
      'The service, e.g. component:default/payments-api or payments-api',
    );

/** A list action's page size, bounded as the API's `limit`. */
export const listLimitInput = (z: Zod, records: string) =>
  z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe(`At most this many ${records} (default ${DEFAULT_ACTION_LIMIT})`);

/** The service's normalised ref, or a 400 naming the field. */
export function requiredServiceRef(value: string): string {
  const entityRef = parseEntityRefParam('entityRef', value);
  if (!entityRef) throw new InputError('entityRef: required');
  return entityRef;
}
