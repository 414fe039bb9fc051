import { parseEntityRef } from '@backstage/catalog-model';
import {
  Incident,
  ItsmSearchDocument,
  Problem,
  Review,
  ReviewListItem,
  Workaround,
} from '@openitsm/backstage-plugin-itsm-common';

/** Where the app shows records: the ITSM page and the catalog. */
export interface ItsmLocations {
  itsmPath: string;
  catalogPath: string;
}

// Root cause known and a workaround on record: ITIL's known error, until fixed.
const KNOWN_ERROR_STATUSES = new Set(['known_error', 'fix_in_progress']);

/** Blank-line separated, skipping what is empty. */
function paragraphs(...parts: Array<string | undefined>): string {
  return parts
    .map(part => part?.trim())
    .filter(Boolean)
    .join('\n\n');
}

export function incidentDocument(
  incident: Incident,
  locations: ItsmLocations,
): ItsmSearchDocument {
  return {
    title: incident.title,
    text: paragraphs(incident.description, incident.resolutionNotes),
    location: `${locations.itsmPath}/incidents/${incident.ref}`,
    kind: 'incident',
    ref: incident.ref,
    status: incident.status,
    priority: incident.priority,
    entityRef: incident.affectedServices[0],
    owner: incident.assignedGroup,
    lastUpdated: incident.updatedAt,
    // The search backend asks the ITSM plugin's conditional rules about
    // this incident for each user (the permission resource is the uuid).
    authorization: { resourceRef: incident.id },
  };
}

/** A problem with its root cause and its workarounds' titles and steps. */
export function problemDocument(
  problem: Problem,
  workarounds: Workaround[],
  locations: ItsmLocations,
): ItsmSearchDocument {
  return {
    title: problem.title,
    text: paragraphs(
      problem.description,
      problem.rootCause,
      ...workarounds.flatMap(w => [w.title, w.steps]),
    ),
    location: `${locations.itsmPath}/problems/${problem.ref}`,
    kind: KNOWN_ERROR_STATUSES.has(problem.status) ? 'known-error' : 'problem',
    ref: problem.ref,
    status: problem.status,
    entityRef: problem.affectedServices[0],
    owner: problem.ownerGroup,
    lastUpdated: problem.updatedAt,
  };
}

/**
 * A workaround opens on its problem's page; one standing alone (a known
 * error) on its first service's catalog page, where open workarounds show.
 * Its ref as the fragment keeps its location apart from the problem's:
 * search engines key documents by location (Lunr's keeps one per location
 * across all types).
 */
export function workaroundDocument(
  workaround: Workaround,
  locations: ItsmLocations,
): ItsmSearchDocument {
  const entityRef = workaround.affectedServices[0];
  let location = `${locations.itsmPath}/problems`;
  if (workaround.problemRef) {
    location = `${locations.itsmPath}/problems/${workaround.problemRef}`;
  } else if (entityRef) {
    const { kind, namespace, name } = parseEntityRef(entityRef);
    // The catalog's own routes are lower case (as its search collator's).
    const path = `${namespace}/${kind}/${name}`.toLowerCase();
    location = `${locations.catalogPath}/${path}`;
  }
  return {
    title: workaround.title,
    text: workaround.steps,
    location: `${location}#${workaround.ref}`,
    kind: workaround.problemRef ? 'workaround' : 'known-error',
    ref: workaround.ref,
    status: workaround.status,
    entityRef,
    lastUpdated: workaround.updatedAt,
  };
}

/**
 * A published review, on its incident's page where the review is shown
 * (`#review`: a location of its own, apart from the incident's).
 */
export function reviewDocument(
  item: ReviewListItem,
  review: Review,
  locations: ItsmLocations,
): ItsmSearchDocument {
  const { sections } = review;
  return {
    title: item.incidentTitle,
    text: paragraphs(
      sections.summary,
      ...Object.values(sections.customerImpact ?? {}).map(String),
      sections.detection,
      sections.trigger,
      sections.rootCause,
      ...(sections.contributingFactors ?? []),
      ...(sections.fiveWhys ?? []),
      sections.resolution,
      sections.wentWell,
      sections.wentBadly,
      sections.lessonsLearned,
    ),
    location: `${locations.itsmPath}/incidents/${item.incidentRef}#review`,
    kind: 'review',
    ref: item.incidentRef,
    status: review.status,
    priority: item.priority,
    entityRef: item.affectedServices[0],
    lastUpdated: review.publishedAt ?? review.updatedAt,
  };
}
