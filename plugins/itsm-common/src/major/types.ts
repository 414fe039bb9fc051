import type { components } from '../schema/openapi.generated';

/** @public */
export type MajorIncident = components['schemas']['MajorIncident'];
/** @public */
export type MajorIncidentRole = components['schemas']['MajorIncidentRole'];
/** @public */
export type IncidentSubscriber = components['schemas']['IncidentSubscriber'];
/** @public */
export type SubscriberSource = components['schemas']['SubscriberSource'];
/** @public */
export type ServiceSubscriber = components['schemas']['ServiceSubscriber'];
/** @public */
export type StakeholderUpdate = components['schemas']['StakeholderUpdate'];
/** @public */
export type StakeholderStage = components['schemas']['StakeholderStage'];
/** @public */
export type UpdateAudience = components['schemas']['UpdateAudience'];
/** @public */
export type BlastRadius = components['schemas']['BlastRadius'];
/** @public */
export type BlastRadiusService = components['schemas']['BlastRadiusService'];
/** @public */
export type MajorProposal = components['schemas']['MajorProposal'];
/** @public */
export type DeclareMajorRequest = components['schemas']['DeclareMajorRequest'];
/** @public */
export type PutIncidentRolesRequest =
  components['schemas']['PutIncidentRolesRequest'];
/** @public */
export type IncidentUpdateRequest =
  components['schemas']['IncidentUpdateRequest'];
/** @public */
export type ServiceState = components['schemas']['ServiceState'];
/** @public */
export type ServiceStatus = components['schemas']['ServiceStatus'];
/** @public */
export type SystemStatus = components['schemas']['SystemStatus'];
/** @public */
export type StatusIncident = components['schemas']['StatusIncident'];
/** @public */
export type StatusResponse = components['schemas']['StatusResponse'];
/** @public */
export type StatusQuery = { entityRef?: string; system?: string };
