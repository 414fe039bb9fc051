/** Whether a database error is a unique or primary key violation. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; message?: string };
  return (
    e?.code === '23505' || // PostgreSQL
    e?.code === 'ER_DUP_ENTRY' || // MySQL
    e?.errno === 1062 || // MySQL, when the code is missing
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key/i.test(e?.message ?? '')
  );
}
