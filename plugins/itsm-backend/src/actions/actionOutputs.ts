import type { z as zod } from 'zod/v3';
import {
  Incident,
  OnCallPerson,
  OnCallResponse,
  TimelineEvent,
  Workaround,
} from '@openitsm/backstage-plugin-itsm-common';

/**
 * The zod the actions registry hands to schema functions (zod v3's API; the
 * rest of the plugin uses zod 4).
 */
export type Zod = typeof zod;

// What the actions answer: the fields an assistant reasons with, copied one
// by one so an absent value is left out rather than sent as null.

const personSchema = (z: Zod) =>
  z.object({
    displayName: z.string(),
    userRef: z.string().optional().describe('Catalog user entity ref'),
    email: z.string().optional(),
    chatUrl: z.string().optional(),
    profileUrl: z.string().optional(),
  });

export const onCallSchema = (z: Zod) =>
  z.object({
    entityRef: z.string(),
    at: z.string().describe('The instant the answer is for (ISO 8601)'),
    source: z
      .string()
      .describe('itsm (built-in schedules) or a provider such as pagerduty'),
    ownerGroup: z.string().optional(),
    scheduleName: z.string().optional(),
    levels: z
      .array(
        z.object({
          level: z.number().describe('1 is paged first (the primary)'),
          name: z.string(),
          people: z.array(personSchema(z)),
          until: z.string().optional().describe('End of the current shift'),
          next: z
            .object({ person: personSchema(z), from: z.string() })
            .optional(),
        }),
      )
      .describe('Empty when no schedule covers the service'),
  });

const toPerson = (p: OnCallPerson) => ({
  displayName: p.displayName,
  userRef: p.userRef ?? undefined,
  email: p.email ?? undefined,
  chatUrl: p.chatUrl ?? undefined,
  profileUrl: p.profileUrl ?? undefined,
});

export const toOnCall = (answer: OnCallResponse) => ({
  entityRef: answer.entityRef,
  at: answer.at,
  source: answer.source,
  ownerGroup: answer.ownerGroup ?? undefined,
  scheduleName: answer.scheduleName ?? undefined,
  levels: answer.levels.map(level => ({
    level: level.level,
    name: level.name,
    people: level.people.map(toPerson),
    until: level.until ?? undefined,
    next: level.next
      ? { person: toPerson(level.next.person), from: level.next.from }
      : undefined,
  })),
});

export const incidentSummarySchema = (z: Zod) =>
  z.object({
    ref: z.string().describe('Human reference, e.g. INC-1042'),
    id: z.string(),
    title: z.string(),
    status: z.string(),
    priority: z.string().describe('P1 (highest) to P5'),
    impact: z.string(),
    urgency: z.string(),
    category: z.string(),
    affectedServices: z
      .array(z.string())
      .describe('Catalog entity refs; the first is the primary service'),
    assignee: z.string().optional(),
    assignedGroup: z.string().optional(),
    major: z.boolean().describe('Whether it is a declared major incident'),
    detectedAt: z.string(),
    acknowledgedAt: z.string().optional(),
    resolvedAt: z.string().optional(),
  });

export const toIncidentSummary = (incident: Incident) => ({
  ref: incident.ref,
  id: incident.id,
  title: incident.title,
  status: incident.status,
  priority: incident.priority,
  impact: incident.impact,
  urgency: incident.urgency,
  category: incident.category,
  affectedServices: incident.affectedServices,
  assignee: incident.assignee ?? undefined,
  assignedGroup: incident.assignedGroup ?? undefined,
  major: incident.major,
  detectedAt: incident.detectedAt,
  acknowledgedAt: incident.acknowledgedAt ?? undefined,
  resolvedAt: incident.resolvedAt ?? undefined,
});

const slaTargetSchema = (z: Zod) =>
  z.object({
    dueAt: z.string(),
    state: z.string(),
    stoppedAt: z.string().optional(),
  });

export const incidentDetailsSchema = (z: Zod) =>
  incidentSummarySchema(z).extend({
    description: z.string(),
    reporter: z.string(),
    source: z.string(),
    occurredAt: z.string().optional(),
    closedAt: z.string().optional(),
    resolutionCode: z.string().optional(),
    resolutionNotes: z.string().optional(),
    reopenCount: z.number(),
    version: z.number().describe('Changes with each update of the incident'),
    sla: z
      .object({
        policy: z.string(),
        paused: z.boolean(),
        response: slaTargetSchema(z),
        resolution: slaTargetSchema(z),
      })
      .optional()
      .describe('Response (until acknowledged) and resolution clocks'),
  });

export const toIncidentDetails = (incident: Incident) => ({
  ...toIncidentSummary(incident),
  description: incident.description,
  reporter: incident.reporter,
  source: incident.source,
  occurredAt: incident.occurredAt ?? undefined,
  closedAt: incident.closedAt ?? undefined,
  resolutionCode: incident.resolutionCode ?? undefined,
  resolutionNotes: incident.resolutionNotes ?? undefined,
  reopenCount: incident.reopenCount,
  version: incident.version,
  sla: incident.sla
    ? {
        policy: incident.sla.policy,
        paused: incident.sla.paused,
        response: {
          dueAt: incident.sla.response.dueAt,
          state: incident.sla.response.state,
          stoppedAt: incident.sla.response.stoppedAt ?? undefined,
        },
        resolution: {
          dueAt: incident.sla.resolution.dueAt,
          state: incident.sla.resolution.state,
          stoppedAt: incident.sla.resolution.stoppedAt ?? undefined,
        },
      }
    : undefined,
});

export const timelineEventSchema = (z: Zod) =>
  z.object({
    at: z.string(),
    type: z.string(),
    actor: z.string(),
    message: z.string(),
  });

export const toTimelineEvent = (event: TimelineEvent) => ({
  at: event.at,
  type: event.type,
  actor: event.actor,
  message: event.message,
});

export const workaroundSchema = (z: Zod) =>
  z.object({
    ref: z.string().describe('Human reference, e.g. WA-1042'),
    title: z.string(),
    steps: z.string().describe('What to do, in Markdown'),
    affectedServices: z.array(z.string()),
    status: z.string(),
    problemRef: z
      .string()
      .optional()
      .describe(
        'The problem it belongs to; absent for a standalone known error',
      ),
    problemStatus: z.string().optional(),
    useCount: z.number().describe('How many incidents applied it'),
  });

export const toWorkaround = (workaround: Workaround) => ({
  ref: workaround.ref,
  title: workaround.title,
  steps: workaround.steps,
  affectedServices: workaround.affectedServices,
  status: workaround.status,
  problemRef: workaround.problemRef ?? undefined,
  problemStatus: workaround.problemStatus ?? undefined,
  useCount: workaround.useCount,
});
