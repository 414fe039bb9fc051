type MissingFrom<T, L extends readonly unknown[]> = [
  Exclude<T, L[number]>,
] extends [never]
  ? unknown
  : { missing: Exclude<T, L[number]> };

/**
 * The runtime list of a spec enum's values, checked both ways at compile
 * time: a value outside the union `T` does not compile, and neither does a
 * list that misses a member of it (the error names it under `missing`). So
 * when openapi.yaml grows or loses a value, the constant has to follow.
 *
 * @example
 * ```ts
 * const LEVELS = enumValues<Level>()(['high', 'medium', 'low']);
 * ```
 */
export function enumValues<T extends string>() {
  return <const L extends readonly T[]>(
    values: L & MissingFrom<T, L>,
  ): readonly T[] => values;
}
