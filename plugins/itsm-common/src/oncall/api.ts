/**
 * A person on call, with the contact details the catalog (or the provider)
 * knows of them.
 *
 * @public
 */
export interface OnCallPerson {
  /** User entity ref, when the person is a catalog user. */
  userRef?: string;
  /** Name to show: the catalog display name, else the provider's. */
  displayName: string;
  email?: string;
  /** A chat link, from the user's `openitsm.io/chat` annotation. */
  chatUrl?: string;
  /** A link to the person in the provider, e.g. their PagerDuty profile. */
  profileUrl?: string;
}

/**
 * Who is on call at one escalation level.
 *
 * @public
 */
export interface OnCallLevel {
  /** 1 is the first level paged (the primary). */
  level: number;
  /** The layer or level name, e.g. `primary`. */
  name: string;
  /** Nobody when the level is empty right now; usually one person. */
  people: OnCallPerson[];
  /** End of the current shift (ISO 8601), when known. */
  until?: string;
  /** The next person on this level and when they start. */
  next?: { person: OnCallPerson; from: string };
  /** `rotation` or `override` for built-in schedules. */
  shiftSource?: string;
}

/**
 * The answer of `GET /oncall?entityRef`: who is on call for an entity now.
 *
 * @public
 */
export interface OnCallResponse {
  entityRef: string;
  /** Where the answer comes from: `itsm` (built-in schedules) or a provider id such as `pagerduty`. */
  source: string;
  /** The group whose on-call answers for the entity, when known. */
  ownerGroup?: string;
  /** Name of the schedule (or escalation policy) that answered. */
  scheduleName?: string;
  /** Id of the built-in schedule that answered. */
  scheduleId?: string;
  /** A link to the schedule in its provider. */
  url?: string;
  /** The instant the answer is for (ISO 8601). */
  at: string;
  /** Ordered by level; empty when no schedule covers the entity. */
  levels: OnCallLevel[];
}
