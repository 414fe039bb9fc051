import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

const CONNECTION_ENV: Partial<Record<TestDatabaseId, string>> = {
  POSTGRES_15: 'BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
  MYSQL_8: 'BACKSTAGE_TEST_DATABASE_MYSQL8_CONNECTION_STRING',
};

/**
 * The databases every store test runs on: SQLite always, PostgreSQL 15 and
 * MySQL 8 when their connection strings are in the environment (.ci/run sets
 * them, and sets ITSM_REQUIRE_POSTGRES so PostgreSQL cannot be skipped).
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3'];
  for (const [id, env] of Object.entries(CONNECTION_ENV)) {
    if (process.env[env!]) ids.push(id as TestDatabaseId);
  }
  return TestDatabases.create({ ids, disableDocker: true });
}
