/**
 * One service reached by the blast-radius walk.
 * @public
 */
export interface BlastRadiusStep {
  entityRef: string;
  /** 1 for a direct dependent of an affected service. */
  depth: number;
  /** The service it depends on, one step closer to the incident. */
  via: string;
}

/**
 * The services that depend on `affected`, following the dependents the
 * catalog knows (`dependencyOf` relations) breadth first, at most `depth`
 * steps, each service once at its shortest distance. The affected services
 * themselves are never in the result.
 *
 * @param loadDependents - gives the dependents of each ref of one level (one
 *   catalog round trip per level).
 * @public
 */
export async function walkBlastRadius(
  affected: string[],
  depth: number,
  loadDependents: (
    refs: string[],
  ) => Promise<ReadonlyMap<string, readonly string[]>>,
  limit = 500,
): Promise<BlastRadiusStep[]> {
  const seen = new Set(affected.map(r => r.toLocaleLowerCase('en-US')));
  const result: BlastRadiusStep[] = [];
  let frontier = [...seen];
  for (let level = 1; level <= depth && frontier.length; level++) {
    const dependents = await loadDependents(frontier);
    const next: string[] = [];
    for (const ref of frontier) {
      for (const raw of dependents.get(ref) ?? []) {
        const dependent = raw.toLocaleLowerCase('en-US');
        if (seen.has(dependent)) continue;
        seen.add(dependent);
        result.push({ entityRef: dependent, depth: level, via: ref });
        next.push(dependent);
        if (result.length >= limit) return result;
      }
    }
    frontier = next;
  }
  return result;
}

/**
 * The dependents of an entity from its relations: `dependencyOf` (the
 * catalog writes it on B when A dependsOn B).
 * @public
 */
export function dependentsFromRelations(
  relations: ReadonlyArray<{ type: string; targetRef: string }> | undefined,
): string[] {
  return (relations ?? [])
    .filter(r => r.type === 'dependencyOf')
    .map(r => r.targetRef.toLocaleLowerCase('en-US'));
}
