import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { OnCallResponse } from '@openitsm/backstage-plugin-itsm-common';

/**
 * What an on-call provider is asked: who is on call for this catalog entity
 * at this instant.
 *
 * @public
 */
export interface OnCallProviderRequest {
  /** The catalog entity (usually a Component), with its annotations. */
  entity: Entity;
  /** ISO 8601 instant. */
  at: string;
}

/**
 * Answers "who is on call for this service?" from somewhere: the built-in
 * schedules, PagerDuty, Opsgenie…
 *
 * @public
 */
export interface OnCallProvider {
  /** Short id, also the `source` of its answers, e.g. `pagerduty`. */
  readonly id: string;
  /**
   * The on-call of the entity, or `undefined` when this provider does not
   * cover it (e.g. the entity has no `pagerduty.com/service-id` annotation),
   * so the next provider is asked. Throw when it covers it but cannot answer.
   */
  getOnCall(
    request: OnCallProviderRequest,
  ): Promise<Omit<OnCallResponse, 'entityRef' | 'at'> | undefined>;
}

/**
 * Lets backend modules add on-call providers. Providers added by modules are
 * asked in order before the built-in schedules.
 *
 * @public
 */
export interface ItsmOnCallProvidersExtensionPoint {
  addProvider(...providers: OnCallProvider[]): void;
}

/**
 * Extension point for on-call providers.
 *
 * @public
 */
export const itsmOnCallProvidersExtensionPoint =
  createExtensionPoint<ItsmOnCallProvidersExtensionPoint>({
    id: 'itsm.oncall-providers',
  });
