import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration for Backstage ITSM. */
  itsm?: {
    /**
     * Impact × urgency → priority, keyed by impact then urgency; cells left
     * out keep the ITIL default (H/H=P1 … L/L=P5). The frontend package
     * (`@openitsm/backstage-plugin-itsm`) declares the same key, visible to
     * the browser; the two declarations must keep the same type.
     */
    priorityMatrix?: {
      [impact in 'high' | 'medium' | 'low']?: {
        [urgency in 'high' | 'medium' | 'low']?:
          | 'P1'
          | 'P2'
          | 'P3'
          | 'P4'
          | 'P5';
      };
    };
    /**
     * Incident categories offered and accepted. Also declared, visible to the
     * browser, by `@openitsm/backstage-plugin-itsm`.
     */
    categories?: string[];
    /**
     * Catalog kinds an incident, problem, workaround or change may name in
     * `affectedServices` (default: component, resource, system, api). These
     * are what breaks and what users notice: software components, the
     * infrastructure they run on, a whole system, an API. People and teams
     * (user, group) are who responds, not what is affected, and domains or
     * locations are too coarse to page or measure an SLA for.
     */
    affectedServiceKinds?: string[];
    /**
     * SLA policies: per priority a response target (until acknowledged) and
     * a resolution target (until resolved), counted in business calendars.
     * Tiers are extra policies chosen by a service's openitsm.io/sla-tier
     * annotation. Bad values fail start-up with a message naming the key.
     */
    sla?: {
      /** Share of a target, in percent, that raises a warning (default 75). */
      warningPercent?: number;
      /** Business calendars by name; `24x7` is built in, `business` can be redefined. */
      calendars?: {
        [name: string]: {
          /** IANA timezone, e.g. Europe/Paris. */
          timezone: string;
          /** ISO weekdays, 1 = Monday … 7 = Sunday. */
          workingDays?: number[];
          workingHours?: { start: string; end: string };
          /** Local dates, YYYY-MM-DD. */
          holidays?: string[];
        };
      };
      /** `default` applies when a service has no tier; other names are tiers. */
      policies?: {
        [name: string]: {
          /** Policy to inherit targets from (default: `default`). */
          extends?: string;
          /** Calendar for every priority of this policy. */
          calendar?: string;
          targets?: {
            [priority in 'P1' | 'P2' | 'P3' | 'P4' | 'P5']?: {
              responseMinutes?: number;
              resolutionMinutes?: number;
              calendar?: string;
            };
          };
        };
      };
    };
    /** Change management. */
    changes?: {
      /**
       * Approver groups per risk, e.g. `high: [group:default/cab]`. A normal or
       * emergency change needs one approval from a member of each group; a
       * risk without groups needs one approval from anyone allowed to approve.
       */
      approvers?: {
        [risk in 'low' | 'medium' | 'high']?: string[];
      };
      /** Freeze windows: scheduling into one needs an override with a reason. */
      freezes?: Array<{
        name: string;
        /** ISO 8601 date or date-time (UTC when no offset). */
        from: string;
        to: string;
        /** Entity refs, or `all` (the default) for the whole estate. */
        services?: string[] | 'all';
      }>;
    };
    /**
     * Incidents from monitoring: POST /api/itsm/ingest/{alertmanager,
     * pagerduty, grafana, generic}. Callers authenticate with Backstage
     * external access (backend.auth.externalAccess).
     */
    ingest?: {
      /**
       * Label names whose value is tried, in order, as a catalog entity name
       * (default: service, app, component). Entities can also name a label
       * selector in their openitsm.io/alert-selector annotation.
       */
      labels?: string[];
      /**
       * A firing alert whose incident was resolved less than this many
       * minutes ago reopens it; later (or once closed) it opens a new one
       * (default 60).
       */
      reopenWindowMinutes?: number;
      /** Category of incidents opened from alerts (default availability). */
      category?: string;
      /**
       * Severity (case-insensitive) → impact and urgency, over the defaults
       * (critical: high/high, error: high/medium, warning: medium/medium,
       * info: low/low; anything else medium/medium).
       */
      severity?: {
        [severity: string]: {
          impact: 'high' | 'medium' | 'low';
          urgency: 'high' | 'medium' | 'low';
        };
      };
      /** How long the catalog routing index is kept, in seconds (default 60). */
      catalogRefreshSeconds?: number;
      /** Per source: alertmanager, pagerduty, grafana, generic. */
      sources?: {
        [source: string]: {
          /** Entity ref alerts of this source go to when nothing else matched. */
          defaultService?: string;
          /**
           * When every alert of an incident has resolved and nobody has
           * acknowledged it, resolve the incident too (default false).
           */
          autoResolve?: boolean;
        };
      };
      /**
       * A topic of Backstage's events service (e.g. `monitoring.alerts`)
       * whose events are alerts in the generic format (dedupKey, status,
       * title, service, severity…); they go through the same routing,
       * deduplication and lifecycle as POST /ingest/generic. Unset: none.
       */
      eventsTopic?: string;
    };
    /** Major incidents: crisis cell, stakeholder updates, blast radius. */
    majorIncidents?: {
      /**
       * Roles of the crisis cell; commander and communications are always
       * there (default: commander, communications, operations-lead, scribe).
       */
      roles?: string[];
      /**
       * Minutes between stakeholder updates per priority (default P1 30,
       * P2 60, P3 120, P4 240, P5 240); `null` turns a priority's cadence off.
       */
      cadenceMinutes?: {
        [priority in 'P1' | 'P2' | 'P3' | 'P4' | 'P5']?: number | null;
      };
      /** Group told of every declaration and subscribed to its updates. */
      managementGroup?: string;
      /**
       * `openitsm.io/sla-tier` values whose incidents are proposed as major
       * (default none).
       */
      criticalTiers?: string[];
      /** An incident on at least this many services is proposed as major (default 3). */
      severalServices?: number;
      /** How many dependsOn steps the blast radius follows, 0–10 (default 3). */
      blastRadiusDepth?: number;
    };
    /** Post-incident reviews. */
    reviews?: {
      /**
       * Priorities whose incidents, like every major incident, cannot close
       * until their review is published, e.g. [P1, P2]. Default: none (only
       * major incidents).
       */
      requiredForPriorities?: Array<'P1' | 'P2' | 'P3' | 'P4' | 'P5'>;
      /**
       * A group asked to approve every review, besides the owner groups of
       * the affected services, e.g. group:default/incident-managers.
       */
      reviewersGroup?: string;
      /** How often overdue action items are looked for, in minutes (default 15). */
      overdueCheckMinutes?: number;
    };
    /** Problem management. */
    problems?: {
      /**
       * Recurrence detection: proposes a problem when minIncidents incidents
       * on one service share a category or have similar titles within
       * windowDays, and for any major or P1 incident.
       */
      recurrence?: {
        /** Default true. */
        enabled?: boolean;
        /** How often the detector runs, in minutes (default 15). */
        frequencyMinutes?: number;
        /** N, at least 2 (default 3). */
        minIncidents?: number;
        /** D, in days (default 7). */
        windowDays?: number;
        /** Jaccard similarity of title words, 0–1, that counts as similar (default 0.5). */
        titleSimilarity?: number;
        /** Propose a problem for every major or P1 incident (default true). */
        includeMajor?: boolean;
      };
    };
    /**
     * A service page's reads (summary, history, SLA compliance, on-call,
     * workarounds, changes, deploy gate) are answered from memory for a short while. A
     * write on this replica drops every kept answer at once; a write on
     * another replica, or time passing (a clock falling due), shows after at
     * most ttl.
     */
    responseCache?: {
      /**
       * How long an answer is reused: a duration object or an ISO 8601
       * duration (default 5 seconds; 0 turns the cache off).
       */
      ttl?: HumanDuration | string;
      /** The memory the kept answers may take, in MB (default 32). */
      maxSizeMb?: number;
    };
  };
}
