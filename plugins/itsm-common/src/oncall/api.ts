import type { components } from '../schema/openapi.generated';

/**
 * A person on call, with the contact details the catalog (or the provider)
 * knows of them.
 *
 * @public
 */
export type OnCallPerson = components['schemas']['OnCallPerson'];

/**
 * Who is on call at one escalation level.
 *
 * @public
 */
export type OnCallLevel = components['schemas']['OnCallLevel'];

/**
 * The answer of `GET /oncall?entityRef`: who is on call for an entity now.
 *
 * @public
 */
export type OnCallResponse = components['schemas']['OnCallResponse'];

/**
 * A piece of one person's duty on one layer of a built-in schedule.
 *
 * @public
 */
export type UserOnCallShift = components['schemas']['UserOnCallShift'];

/**
 * The answer of `GET /oncall/shifts?user`: a person's shifts in a window.
 *
 * @public
 */
export type UserOnCallShifts = components['schemas']['UserOnCallShifts'];
