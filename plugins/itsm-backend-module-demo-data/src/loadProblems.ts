import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ProblemStatus,
  WorkaroundStatus,
} from '@openitsm/backstage-plugin-itsm-common';
import fs from 'node:fs/promises';
import { IncidentStore } from '../database/IncidentStore';
import { ProblemStore } from '../database/ProblemStore';
import { ProblemService } from '../service/ProblemService';
import { WorkaroundService } from '../service/WorkaroundService';

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
    fixChangeRef?: string;
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
export async function seedProblems(options: {
  file: string;
  incidentStore: IncidentStore;
  problemStore: ProblemStore;
  problems: ProblemService;
  workarounds: WorkaroundService;
  logger: LoggerService;
}): Promise<number> {
  const { file, incidentStore, problemStore, problems, workarounds } = options;
  const existing = await problemStore.listProblems({
    limit: 1,
    now: new Date().toISOString(),
  });
  if (existing.items.length) return 0;
  const seed = JSON.parse(await fs.readFile(file, 'utf8')) as {
    problems: SeedProblem[];
    knownErrors?: SeedKnownError[];
  };
  for (const entry of seed.problems) {
    const ctx = { actor: entry.createdBy, replay: true };
    const incidents = [];
    for (const link of entry.link) {
      const page = await incidentStore.listIncidents({
        entityRef: link.entityRef,
        q: link.q,
        limit: link.limit,
      });
      incidents.push(...page.items.filter(i => !i.problemId));
    }
    let problem = await problems.create(
      {
        title: entry.title,
        description: entry.description,
        ownerGroup: entry.ownerGroup,
      },
      incidents,
      ctx,
    );
    for (const step of entry.statuses ?? []) {
      problem = await problems.update(
        problem,
        { version: problem.version, ...step },
        ctx,
      );
    }
    for (const w of entry.workarounds ?? []) {
      const workaround = await workarounds.create(
        {
          title: w.title,
          steps: w.steps,
          affectedServices: [],
          status: w.status,
        },
        problem,
        ctx,
      );
      for (const incident of incidents.slice(0, w.appliedTo ?? 0)) {
        await workarounds.apply(workaround, incident, ctx);
      }
    }
  }
  for (const known of seed.knownErrors ?? []) {
    await workarounds.create(
      {
        title: known.title,
        steps: known.steps,
        affectedServices: known.affectedServices,
      },
      undefined,
      { actor: known.createdBy, replay: true },
    );
  }
  options.logger.info(
    `Seeded ${seed.problems.length} problems and ${
      seed.knownErrors?.length ?? 0
    } known errors from ${file}`,
  );
  return seed.problems.length;
}
