import { createGetIncidentAction } from './createGetIncidentAction';
import { createListOpenIncidentsAction } from './createListOpenIncidentsAction';
import { createListOpenWorkaroundsAction } from './createListOpenWorkaroundsAction';
import { createPostIncidentUpdateAction } from './createPostIncidentUpdateAction';
import { createReportIncidentAction } from './createReportIncidentAction';
import { createSearchKnownErrorsAction } from './createSearchKnownErrorsAction';
import { createWhoIsOnCallAction } from './createWhoIsOnCallAction';
import { ItsmActionsOptions } from './ItsmActionsOptions';

/**
 * Registers the ITSM actions with Backstage's actions registry, where the
 * MCP actions backend offers them to AI assistants as tools.
 */
export function createItsmActions(options: ItsmActionsOptions) {
  createWhoIsOnCallAction(options);
  createListOpenIncidentsAction(options);
  createListOpenWorkaroundsAction(options);
  createGetIncidentAction(options);
  createReportIncidentAction(options);
  createPostIncidentUpdateAction(options);
  createSearchKnownErrorsAction(options);
}
