import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ProblemStatus,
  WorkaroundStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import {
  ItsmActor,
  ItsmRecordsService,
} from '@openitsm/backstage-plugin-itsm-node';
import fs from 'node:fs/promises';

/** One problem of a seed file; incidents are found by service and text. */
export interface SeedProblem {
  title: string;
  description?: string;
  createdBy: string;
  ownerGroup?: string;
  link: Array<{ entityRef: string; q: string; limit: number }>;
  statuses?: Array<{
    status: ProblemStatus;
    rootCause?: string;
    /** This step and those after it wait for the changes (which name the problem) to be loaded. */
    afterChanges?: boolean;
  }>;
  workarounds?: Array<{
    title: string;
    steps: string;
    status?: WorkaroundStatus;
    /** Applied on this many of the problem's incidents. */
    appliedTo?: number;
  }>;
}

export interface SeedKnownError {
  title: string;
  steps: string;
  affectedServices: string[];
  createdBy: string;
}

/**
 * Replays problems, their workarounds and standalone known errors through
 * the same rules as real use, once: only when there are no problems yet.
 * Runs after the incidents are seeded, and links the matching ones.
 */
export async function loadProblems(options: {
  file: string;
  records: ItsmRecordsService;
  logger: LoggerService;
}): Promise<PendingProblemSteps[]> {
  const { file, records } = options;
  if ((await records.countProblems()) > 0) return [];
  const seed = JSON.parse(await fs.readFile(file, 'utf8')) as {
    problems: SeedProblem[];
    knownErrors?: SeedKnownError[];
  };
  const pending: PendingProblemSteps[] = [];
  for (const entry of seed.problems) {
    const by = { actor: entry.createdBy };
    const incidents = [];
    for (const link of entry.link) {
      const found = await records.findIncidents(link);
      incidents.push(...found.filter(i => !i.problemId));
    }
    let problem = await records.createProblem(
      {
        title: entry.title,
        description: entry.description,
        ownerGroup: entry.ownerGroup,
      },
      incidents,
      by,
    );
    // A step marked afterChanges, and the steps after it, wait for the
    // changes to be loaded: the fix changes name the problem then.
    const statuses = entry.statuses ?? [];
    const waiting = statuses.findIndex(step => step.afterChanges);
    const now = waiting < 0 ? statuses : statuses.slice(0, waiting);
    for (const { afterChanges: _, ...step } of now) {
      problem = await records.updateProblem(
        problem,
        { version: problem.version, ...step },
        by,
      );
    }
    if (waiting >= 0) {
      pending.push({
        problemRef: problem.ref,
        steps: statuses.slice(waiting),
        by,
      });
    }
    for (const w of entry.workarounds ?? []) {
      const workaround = await records.createWorkaround(
        {
          title: w.title,
          steps: w.steps,
          affectedServices: [],
          status: w.status,
        },
        problem,
        by,
      );
      for (const incident of incidents.slice(0, w.appliedTo ?? 0)) {
        await records.applyWorkaround(workaround, incident, by);
      }
    }
  }
  for (const known of seed.knownErrors ?? []) {
    await records.createWorkaround(
      {
        title: known.title,
        steps: known.steps,
        affectedServices: known.affectedServices,
      },
      undefined,
      { actor: known.createdBy },
    );
  }
  options.logger.info(
    `Seeded ${seed.problems.length} problems and ${
      seed.knownErrors?.length ?? 0
    } known errors from ${file}`,
  );
  return pending;
}

/** Problem steps that name a fix change, and the steps after them. */
export interface PendingProblemSteps {
  problemRef: string;
  steps: NonNullable<SeedProblem['statuses']>;
  by: ItsmActor;
}

/** Walks the problem steps that waited for their fix changes. */
export async function finishProblems(
  records: ItsmRecordsService,
  pending: PendingProblemSteps[],
): Promise<void> {
  for (const { problemRef, steps, by } of pending) {
    let problem = await records.getProblem(problemRef);
    for (const { afterChanges: _, ...step } of steps) {
      problem = await records.updateProblem(
        problem!,
        { version: problem!.version, ...step },
        by,
      );
    }
  }
}
