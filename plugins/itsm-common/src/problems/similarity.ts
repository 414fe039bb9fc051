/** Words too common in incident titles to say anything about similarity. */
const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or the to ' +
    'was were with not no after before when while again still very'
  ).split(' '),
);

/** At most this many search terms are sent to the database. */
export const MAX_SIMILARITY_TERMS = 8;

/**
 * The significant words of a text, lower-cased, without digits-only tokens,
 * stopwords or duplicates: what title similarity compares.
 * @public
 */
export function significantTerms(text: string): string[] {
  const words = text
    .toLocaleLowerCase('en-US')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(w => w.length >= 3 && !/^\d+$/.test(w) && !STOPWORDS.has(w));
  return [...new Set(words)];
}

/**
 * The terms to search for, longest (most specific) first, bounded.
 * @public
 */
export function similaritySearchTerms(text: string): string[] {
  return significantTerms(text)
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .slice(0, MAX_SIMILARITY_TERMS);
}

/**
 * Jaccard similarity of two titles' significant terms, 0–1.
 * @public
 */
export function titleSimilarity(a: string, b: string): number {
  const ta = new Set(significantTerms(a));
  const tb = new Set(significantTerms(b));
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/**
 * Groups of titles that are transitively similar (at least `threshold`),
 * as index lists; singletons included.
 * @public
 */
export function clusterSimilarTitles(
  titles: string[],
  threshold = 0.5,
): number[][] {
  const parent = titles.map((_, i) => i);
  const find = (i: number): number =>
    parent[i] === i ? i : (parent[i] = find(parent[i]));
  for (let i = 0; i < titles.length; i++) {
    for (let j = i + 1; j < titles.length; j++) {
      if (titleSimilarity(titles[i], titles[j]) >= threshold) {
        parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, number[]>();
  titles.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}
