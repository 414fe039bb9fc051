import { clusterSimilarTitles } from './similarity';

/**
 * When the recurrence detector proposes a problem.
 * @public
 */
export interface RecurrenceSettings {
  /** N: this many incidents on one service… */
  minIncidents: number;
  /** D: …within this many days. */
  windowDays: number;
  /** Title similarity (Jaccard of significant words) that counts as "similar". */
  titleSimilarity: number;
  /** Any major or P1 incident is proposed on its own. */
  includeMajor: boolean;
}

/** @public */
export const DEFAULT_RECURRENCE_SETTINGS: RecurrenceSettings = {
  minIncidents: 3,
  windowDays: 7,
  titleSimilarity: 0.5,
  includeMajor: true,
};

/**
 * An incident as the detector sees it.
 * @public
 */
export interface RecurrenceCandidate {
  id: string;
  title: string;
  category: string;
}

/**
 * Sets of incidents on one service that recur: the same category, or
 * similar titles, at least `minIncidents` of them. Sets are disjoint and
 * their ids sorted, so the same set always reads the same.
 * @public
 */
export function findRecurringSets(
  incidents: RecurrenceCandidate[],
  settings: Pick<RecurrenceSettings, 'minIncidents' | 'titleSimilarity'>,
): Array<{ incidentIds: string[]; by: 'category' | 'title'; key: string }> {
  const sets: Array<{
    incidentIds: string[];
    by: 'category' | 'title';
    key: string;
  }> = [];
  const used = new Set<string>();
  const byCategory = new Map<string, RecurrenceCandidate[]>();
  for (const incident of incidents) {
    byCategory.set(incident.category, [
      ...(byCategory.get(incident.category) ?? []),
      incident,
    ]);
  }
  for (const [category, group] of [...byCategory].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    if (group.length >= settings.minIncidents) {
      group.forEach(i => used.add(i.id));
      sets.push({
        incidentIds: group.map(i => i.id).sort(),
        by: 'category',
        key: category,
      });
    }
  }
  const rest = incidents.filter(i => !used.has(i.id));
  for (const cluster of clusterSimilarTitles(
    rest.map(i => i.title),
    settings.titleSimilarity,
  )) {
    if (cluster.length >= settings.minIncidents) {
      sets.push({
        incidentIds: cluster.map(i => rest[i].id).sort(),
        by: 'title',
        key: rest[cluster[0]].title,
      });
    }
  }
  return sets;
}
