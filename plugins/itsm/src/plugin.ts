import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createCardExtension } from '@backstage/plugin-home-react';
import { createSearchResultListItemExtension } from '@backstage/plugin-search-react';
import {
  isItsmSearchType,
  ItsmClient,
} from '@openitsm/backstage-plugin-itsm-common';
import type { ItsmSearchResultListItemProps } from './components/search';
import { itsmApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * Backstage ITSM for apps on the legacy frontend system.
 *
 * @public
 */
export const itsmPlugin = createPlugin({
  id: 'itsm',
  apis: [
    createApiFactory({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The ITSM page: every incident, and each incident's page under it.
 *
 * @public
 */
export const ItsmPage: () => JSX.Element = itsmPlugin.provide(
  createRoutableExtension({
    name: 'ItsmPage',
    component: () =>
      import('./components/ItsmPage/ItsmPage').then(m => m.ItsmPage),
    mountPoint: rootRouteRef,
  }),
);

/**
 * A banner on a service's page while it has a major incident (with the
 * latest stakeholder update), or depends on a service that has one.
 *
 * @public
 */
export const EntityMajorIncidentBanner: () => JSX.Element | null =
  itsmPlugin.provide(
    createComponentExtension({
      name: 'EntityMajorIncidentBanner',
      component: {
        lazy: () =>
          import('./components/major/EntityMajorIncidentBanner').then(
            m => m.EntityMajorIncidentBanner,
          ),
      },
    }),
  );

/**
 * A service's open incidents, for its Overview tab.
 *
 * @public
 */
export const EntityItsmCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmCard',
    component: {
      lazy: () =>
        import('./components/EntityItsmCard/EntityItsmCard').then(
          m => m.EntityItsmCard,
        ),
    },
  }),
);

/**
 * A service's SLA compliance card.
 *
 * @public
 */
export const EntitySlaCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntitySlaCard',
    component: {
      lazy: () =>
        import('./components/sla/EntitySlaCard').then(m => m.EntitySlaCard),
    },
  }),
);

/**
 * The ITSM tab of a service: SLA compliance and incident history.
 *
 * @public
 */
export const EntityItsmContent: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityItsmContent',
    component: {
      lazy: () =>
        import('./components/EntityItsmContent/EntityItsmContent').then(
          m => m.EntityItsmContent,
        ),
    },
  }),
);

/**
 * Who is on call for a service now, at each escalation level.
 *
 * @public
 */
export const EntityOnCallCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityOnCallCard',
    component: {
      lazy: () =>
        import('./components/oncall/EntityOnCallCard').then(
          m => m.EntityOnCallCard,
        ),
    },
  }),
);

/**
 * Who is on call now in a group's schedules, for group pages.
 *
 * @public
 */
export const EntityGroupOnCallCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupOnCallCard',
    component: {
      lazy: () =>
        import('./components/oncall/EntityGroupOnCallCard').then(
          m => m.EntityGroupOnCallCard,
        ),
    },
  }),
);

/**
 * A group's incident KPIs (incidents assigned to it), the last 30 days
 * against the 30 before, for group pages.
 *
 * @public
 */
export const EntityGroupKpiCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityGroupKpiCard',
    component: {
      lazy: () =>
        import('./components/reports/EntityGroupKpiCard').then(
          m => m.EntityGroupKpiCard,
        ),
    },
  }),
);

/**
 * A service's open workarounds: active workarounds of unresolved problems,
 * and known errors.
 *
 * @public
 */
export const EntityOpenWorkaroundsCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityOpenWorkaroundsCard',
    component: {
      lazy: () =>
        import('./components/workarounds/EntityOpenWorkaroundsCard').then(
          m => m.EntityOpenWorkaroundsCard,
        ),
    },
  }),
);

/**
 * A service's changes: in progress, upcoming and recent with outcomes.
 *
 * @public
 */
export const EntityChangesCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityChangesCard',
    component: {
      lazy: () =>
        import('./components/changes/EntityChangesCard').then(
          m => m.EntityChangesCard,
        ),
    },
  }),
);

/**
 * The action items a group or user owns, overdue first, for its page.
 *
 * @public
 */
export const EntityActionItemsCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'EntityActionItemsCard',
    component: {
      lazy: () =>
        import('./components/reviews/ActionItemsCard').then(
          m => m.EntityActionItemsCard,
        ),
    },
  }),
);

/**
 * The signed-in user's action items ("my action items"), for a home page.
 *
 * @public
 */
export const MyActionItemsCard: () => JSX.Element = itsmPlugin.provide(
  createComponentExtension({
    name: 'MyActionItemsCard',
    component: {
      lazy: () =>
        import('./components/reviews/ActionItemsCard').then(
          m => m.MyActionItemsCard,
        ),
    },
  }),
);

/**
 * ITSM records among search results (incidents, problems and known errors,
 * workarounds, post-incident reviews): put it in the search page's
 * `SearchResult`; it renders the results of the `itsm-*` types.
 *
 * @public
 */
export const ItsmSearchResultListItem: (
  props: ItsmSearchResultListItemProps,
) => JSX.Element | null = itsmPlugin.provide(
  createSearchResultListItemExtension({
    name: 'ItsmSearchResultListItem',
    component: () =>
      import('./components/search').then(m => m.ItsmSearchResultListItem),
    predicate: result => isItsmSearchType(result.type),
  }),
);

/**
 * Home page card (`@backstage/plugin-home`): the signed-in user's on-call
 * shift now and their next one.
 *
 * @public
 */
export const HomePageMyOnCall = itsmPlugin.provide(
  createCardExtension<{}>({
    name: 'HomePageMyOnCall',
    title: 'My on-call',
    components: () =>
      import('./components/home/MyOnCallCard').then(m => ({
        Content: m.MyOnCallContent,
        Actions: m.MyOnCallActions,
      })),
  }),
);

/**
 * Home page card: the open incidents assigned to the signed-in user, most
 * urgent first, with where their SLA stands.
 *
 * @public
 */
export const HomePageMyIncidents = itsmPlugin.provide(
  createCardExtension<{}>({
    name: 'HomePageMyIncidents',
    title: 'My open incidents',
    components: () =>
      import('./components/home/MyIncidentsCard').then(m => ({
        Content: m.MyIncidentsContent,
        Actions: m.MyIncidentsActions,
      })),
  }),
);

/**
 * Home page card: the signed-in user's open action items, overdue first.
 *
 * @public
 */
export const HomePageMyActionItems = itsmPlugin.provide(
  createCardExtension<{}>({
    name: 'HomePageMyActionItems',
    title: 'My action items',
    components: () =>
      import('./components/home/MyActionItemsCard').then(m => ({
        Content: m.MyActionItemsContent,
        Actions: m.MyActionItemsActions,
      })),
  }),
);

/**
 * Home page card: the services of the signed-in user's groups that have
 * open incidents, with counts per priority.
 *
 * @public
 */
export const HomePageMyServices = itsmPlugin.provide(
  createCardExtension<{}>({
    name: 'HomePageMyServices',
    title: "My groups' services",
    components: () =>
      import('./components/home/MyServicesCard').then(m => ({
        Content: m.MyServicesContent,
        Actions: m.MyServicesActions,
      })),
  }),
);
