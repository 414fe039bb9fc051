/** Helpers for reading untyped configuration with errors that name the key. */

export type RawObject = Record<string, unknown>;

/** How a config value is quoted in an error message. */
export function describeValue(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Whether `key` is an own property (not one inherited such as `toString`). */
export function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

export function isObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function expectObject(
  value: unknown,
  key: string,
  what: string,
): RawObject {
  if (!isObject(value)) {
    throw new Error(
      `${key} must be an object ${what}, got ${describeValue(value)}`,
    );
  }
  return value;
}

export function expectKnownKeys(obj: RawObject, key: string, known: string[]) {
  for (const name of Object.keys(obj)) {
    if (!known.includes(name)) {
      throw new Error(
        `${key}.${name} is not a known key; use ${known.join(', ')}`,
      );
    }
  }
}

export function expectPositiveNumber(value: unknown, key: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(
      `${key} must be a positive number, got ${describeValue(value)}`,
    );
  }
  return value;
}
