import { configApiRef, useApi } from '@backstage/core-plugin-api';
import { StakeholderStage } from '@openitsm/backstage-plugin-itsm-common';

/** A canned stakeholder update the composer offers. */
export interface UpdateTemplate {
  name: string;
  message: string;
  stage?: StakeholderStage;
}

/** Offered when `itsm.majorIncidents.updateTemplates` is not configured. */
export const DEFAULT_UPDATE_TEMPLATES: UpdateTemplate[] = [
  {
    name: 'Investigating',
    stage: 'investigating',
    message:
      'We are investigating problems with {service}. Some users may be affected.',
  },
  {
    name: 'Identified',
    stage: 'identified',
    message:
      'We have found the cause of the problems with {service} and are working on a fix.',
  },
  {
    name: 'Monitoring',
    stage: 'monitoring',
    message: 'A fix for {service} is in place; we are watching it closely.',
  },
  {
    name: 'Resolved',
    stage: 'resolved',
    message: '{service} is working normally again.',
  },
];

/** Fills `{service}` and `{ref}` in a template's message. */
export function fillTemplate(
  message: string,
  values: { service: string; ref: string },
): string {
  return message
    .replace(/\{service\}/g, values.service)
    .replace(/\{ref\}/g, values.ref);
}

/** The configured templates, else the defaults. */
export function useUpdateTemplates(): UpdateTemplate[] {
  const config = useApi(configApiRef);
  const configured = config.getOptionalConfigArray(
    'itsm.majorIncidents.updateTemplates',
  );
  if (!configured?.length) return DEFAULT_UPDATE_TEMPLATES;
  return configured.map(t => ({
    name: t.getString('name'),
    message: t.getString('message'),
    stage: t.getOptionalString('stage') as StakeholderStage | undefined,
  }));
}
