import { TemplateExample } from '@backstage/plugin-scaffolder-node';

// Written as YAML, as a template author reads and copies them.
export const examples: TemplateExample[] = [
  {
    description:
      'Request a normal change for the service the template deploys and submit it to the CAB',
    example: `steps:
  - id: change
    name: Request a change
    action: itsm:change:create
    input:
      entityRef: component:default/payments-api
      title: Upgrade payments-api to Node 22
      description: Runtime upgrade; no schema change.
      type: normal
      risk: medium
      plannedStart: '2026-12-02T09:00:00Z'
      plannedEnd: '2026-12-02T10:00:00Z'
      implementationPlan: Roll out with the usual pipeline
      backoutPlan: Redeploy the previous image
      submit: true
output:
  links:
    - title: Change
      url: \${{ steps.change.output.url }}
`,
  },
  {
    description:
      'A standard (pre-approved) change from now for 30 minutes, scheduled at once so that the deployment gate opens',
    example: `steps:
  - id: change
    name: Record a standard change
    action: itsm:change:create
    input:
      entityRef: \${{ parameters.component }}
      title: Rotate TLS certificates
      type: standard
      risk: low
      durationMinutes: 30
      submit: true
`,
  },
];
