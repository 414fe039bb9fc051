import { Knex } from 'knex';

/**
 * The next human ref of a kind (`INC-1042`, `CHG-1001`…), inside the
 * caller's transaction: the row lock on the sequence serializes writers.
 */
export async function nextRef(
  tx: Knex.Transaction,
  sequence: string,
  prefix: string,
): Promise<string> {
  await tx('itsm_sequences').where({ name: sequence }).increment('value', 1);
  const { value } = await tx('itsm_sequences')
    .where({ name: sequence })
    .first('value');
  return `${prefix}-${value}`;
}
