import { Knex } from 'knex';

/**
 * Times cross the API as ISO 8601 strings. SQLite keeps them as ISO text
 * (which sorts correctly); PostgreSQL and MySQL keep real timestamps.
 */
export class DbTime {
  private readonly asDate: boolean;

  constructor(db: Knex) {
    const client = String(db.client.config.client);
    this.asDate = client === 'mysql' || client === 'mysql2';
  }

  toDb(iso: string): string | Date {
    const date = new Date(iso);
    return this.asDate ? date : date.toISOString();
  }

  fromDb(value: Date | string | number): string {
    // PostgreSQL and MySQL rows hold Dates already: no copy per column
    return (value instanceof Date ? value : new Date(value)).toISOString();
  }
}
