import { TemplateExample } from '@backstage/plugin-scaffolder-node';

// Written as YAML, as a template author reads and copies them.
export const examples: TemplateExample[] = [
  {
    description:
      'Stop the template unless change management lets the service be deployed now',
    example: `steps:
  - id: gate
    name: Check the change gate
    action: itsm:change:gate
    input:
      entityRef: component:default/payments-api
`,
  },
  {
    description: 'Ask without failing, and use the answer in later steps',
    example: `steps:
  - id: gate
    name: May we deploy at 14:00?
    action: itsm:change:gate
    input:
      entityRef: \${{ parameters.component }}
      at: '2026-12-02T14:00:00Z'
      failOnBlocked: false
  - id: log
    name: Say why
    action: debug:log
    input:
      message: \${{ steps.gate.output.reasons[0].message }}
`,
  },
];
