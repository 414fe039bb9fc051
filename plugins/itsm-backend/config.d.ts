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
  };
}
