import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every store test runs on: SQLite always, PostgreSQL 15 and
 * MySQL 8 when their connection strings are in the environment (see .ci/run).
 */
export function createTestDatabases(): TestDatabases {
  const ids: TestDatabaseId[] = ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'];
  return TestDatabases.create({ ids });
}
