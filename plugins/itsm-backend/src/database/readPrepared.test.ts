import knexFactory from 'knex';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { readPrepared } from './readPrepared';

const databases = createTestDatabases();

jest.setTimeout(60_000);

describe('readPrepared', () => {
  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('answers what the query answers, bindings and times included', async () => {
      const knex = await databases.init(databaseId);
      await knex.schema.createTable('prepared_things', table => {
        table.string('name').notNullable();
        table.integer('size').notNullable();
        table.datetime('seen_at', { precision: 3 }).notNullable();
      });
      await knex('prepared_things').insert([
        { name: 'a', size: 1, seen_at: new Date('2026-11-01T00:00:00.000Z') },
        { name: 'b', size: 2, seen_at: new Date('2026-11-02T00:00:00.000Z') },
        { name: 'c', size: 3, seen_at: new Date('2026-11-03T00:00:00.000Z') },
      ]);
      const query = () =>
        knex('prepared_things')
          .whereIn('name', ['a', 'c'])
          .where('size', '>=', 1)
          .orderBy('name');

      const expected = await query();
      expect(expected.map(row => row.name)).toEqual(['a', 'c']);
      // Twice: the second run reuses the prepared statement on PostgreSQL
      expect(await readPrepared(knex, query())).toEqual(expected);
      expect(await readPrepared(knex, query())).toEqual(expected);
      // Other bindings, same text: the same statement, other rows
      expect(
        await readPrepared(
          knex,
          knex('prepared_things').whereIn('name', ['b', 'c']).orderBy('name'),
        ),
      ).toEqual(await knex('prepared_things').whereIn('name', ['b', 'c']));
    });
  });

  if (databases.supports('POSTGRES_15')) {
    it('prepares each statement once per connection on PostgreSQL', async () => {
      const shared = await databases.init('POSTGRES_15');
      // One connection, so every read below runs on the same session
      const knex = knexFactory({
        ...shared.client.config,
        pool: { min: 1, max: 1 },
      });
      try {
        const count = (n: number) =>
          readPrepared<{ n: number }>(
            knex,
            knex.select(knex.raw('?::int as n', [n])),
          );
        expect(await count(1)).toEqual([{ n: 1 }]);
        expect(await count(2)).toEqual([{ n: 2 }]);
        const statements = await knex('pg_prepared_statements').select(
          'name',
          'statement',
        );
        expect(statements).toEqual([
          {
            name: expect.stringMatching(/^itsm_/),
            statement: 'select $1::int as n',
          },
        ]);
      } finally {
        await knex.destroy();
      }
    });
  }
});
