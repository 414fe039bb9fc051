const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `id` or human ref (case-insensitive) → the column to look it up by. */
export function idOrRefWhere(idOrRef: string): [string, string] {
  return UUID_PATTERN.test(idOrRef)
    ? ['id', idOrRef]
    : ['ref', idOrRef.toLocaleUpperCase('en-US')];
}
