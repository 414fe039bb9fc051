import { Knex } from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { onCommittedWrites } from './onCommittedWrites';

const databases = createTestDatabases();

jest.setTimeout(60_000);

async function thingsTable(knex: Knex) {
  await knex.schema.createTable('watched_things', table => {
    table.string('name').primary();
    table.integer('size').notNullable();
  });
}

describe('onCommittedWrites', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('calls after each write outside a transaction, never for reads', async () => {
      const knex = await databases.init(databaseId);
      await thingsTable(knex);
      const calls: string[] = [];
      const stop = onCommittedWrites(knex, () => calls.push('write'));

      await knex('watched_things').insert({ name: 'a', size: 1 });
      expect(calls).toHaveLength(1);
      await knex('watched_things').where({ name: 'a' }).update({ size: 2 });
      await knex.raw('update watched_things set size = 3');
      await knex('watched_things').where({ name: 'a' }).delete();
      expect(calls).toHaveLength(4);

      await knex('watched_things').select();
      await knex('watched_things').count({ n: '*' });
      await knex('watched_things').first();
      await knex.raw('select 1 as one');
      expect(calls).toHaveLength(4);

      stop();
      await knex('watched_things').insert({ name: 'b', size: 1 });
      expect(calls).toHaveLength(4);
    });

    it('calls once a transaction has committed, when others can read its writes', async () => {
      const knex = await databases.init(databaseId);
      await thingsTable(knex);
      // What another connection reads at the moment of each call
      const seen: number[] = [];
      let reading: Promise<void> = Promise.resolve();
      onCommittedWrites(knex, () => {
        reading = knex('watched_things')
          .count({ n: '*' })
          .then(([{ n }]) => {
            seen.push(Number(n));
          });
      });

      await knex.transaction(async tx => {
        await tx('watched_things').insert({ name: 'a', size: 1 });
        await tx('watched_things').insert({ name: 'b', size: 2 });
        // Nothing is visible yet, so nothing is said
        expect(seen).toEqual([]);
      });
      await reading;
      expect(seen).toEqual([2]);

      // The provider form, committed by hand: said as the commit settles
      const tx = await knex.transaction();
      await tx('watched_things').insert({ name: 'c', size: 3 });
      await tx.commit();
      await new Promise(resolve => setImmediate(resolve));
      await reading;
      expect(seen).toEqual([2, 3]);
    });

    it('calls after a rollback too (needlessly, never wrongly)', async () => {
      const knex = await databases.init(databaseId);
      await thingsTable(knex);
      const calls = jest.fn();
      onCommittedWrites(knex, calls);

      await expect(
        knex.transaction(async tx => {
          await tx('watched_things').insert({ name: 'a', size: 1 });
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(calls).toHaveBeenCalledTimes(1);
      expect(await knex('watched_things').select()).toEqual([]);
    });

    it('tells every listener, wrapping the client once', async () => {
      const knex = await databases.init(databaseId);
      await thingsTable(knex);
      const first = jest.fn();
      const second = jest.fn();
      onCommittedWrites(knex, first);
      onCommittedWrites(knex, second);

      await knex.transaction(async tx => {
        await tx('watched_things').insert({ name: 'a', size: 1 });
      });
      expect(first).toHaveBeenCalledTimes(1);
      expect(second).toHaveBeenCalledTimes(1);
    });
  });
});
