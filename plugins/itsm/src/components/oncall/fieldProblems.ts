/**
 * The `path: message` problems of itsm-common validators under one prefix,
 * keyed by the rest of the path: `layers[0].handoffTime: …` under
 * `layers[0].` → `{ handoffTime: '…' }`. The first problem of a field wins.
 */
export function fieldProblems(
  problems: string[],
  prefix: string,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const problem of problems) {
    if (!problem.startsWith(prefix)) continue;
    const separator = problem.indexOf(': ', prefix.length);
    if (separator < 0) continue;
    const field = problem.slice(prefix.length, separator);
    fields[field] ??= problem.slice(separator + 2);
  }
  return fields;
}
