/*
 * The demo backend: catalog, guest auth, permissions (allow-all),
 * notifications and signals, user settings, search, the scaffolder (backend
 * only, for the ITSM actions) and Backstage ITSM.
 */

import { createBackend } from '@backstage/backend-defaults';
import { itsmApiTokenConfig } from './itsmApiTokenConfig';

const backend = createBackend();

// When ITSM_API_TOKEN is set, scripts can call /api/itsm with it as a
// Backstage static external-access token (see README).
backend.add(itsmApiTokenConfig);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
// The events bus (itsm.* topics) and the ITSM actions as MCP tools for AI
// assistants at /api/mcp-actions/v1 (backend.actions.pluginSources)
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.add(import('@openitsm/backstage-plugin-itsm-backend'));
// The demo data set (examples/itsm-seed), through the ITSM rules; inert
// without itsm.demoData.directory.
backend.add(import('@openitsm/backstage-plugin-itsm-backend-module-demo-data'));
// On-call from PagerDuty for annotated services; inert without itsm.pagerduty.token.
backend.add(import('@openitsm/backstage-plugin-itsm-backend-module-pagerduty'));

// Scaffolder backend only (the demo app has no scaffolder pages), for the
// ITSM actions itsm:change:create and itsm:change:gate.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@openitsm/backstage-plugin-scaffolder-backend-module-itsm'));

// Search: PostgreSQL's full-text engine on PostgreSQL (the module steps aside
// on SQLite, leaving the in-memory Lunr engine), indexing ITSM records.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@openitsm/backstage-plugin-search-backend-module-itsm'));

backend.start();
