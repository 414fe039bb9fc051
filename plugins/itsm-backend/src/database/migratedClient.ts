import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@openitsm/backstage-plugin-itsm-backend',
  'migrations',
);

const migrated = new WeakMap<DatabaseService, Promise<Knex>>();

/**
 * The knex client, migrated unless the database says to skip. Every store
 * asks for it; the migrations run once per database, not once per store.
 */
export function migratedClient(database: DatabaseService): Promise<Knex> {
  let client = migrated.get(database);
  if (!client) {
    client = (async () => {
      const knex = await database.getClient();
      if (!database.migrations?.skip) {
        await knex.migrate.latest({ directory: migrationsDir });
      }
      return knex;
    })();
    migrated.set(database, client);
  }
  return client;
}
