import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import ReportProblemIcon from '@material-ui/icons/ReportProblem';
import { ItsmClient } from '@openitsm/backstage-plugin-itsm-common';
import { itsmApiRef } from './api';
import { rootRouteRef } from './routes';
import {
  searchResultListItem,
  searchResultTypeFilters,
} from './searchExtensions';

const itsmApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: itsmApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ItsmClient({ discoveryApi, fetchApi }),
    }),
});

const itsmPage = PageBlueprint.make({
  params: {
    path: '/itsm',
    title: 'ITSM',
    icon: <ReportProblemIcon />,
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ItsmPage/ItsmPage').then(m => <m.ItsmPage />),
  },
});

// First on the overview: the major-incident banner (empty when there is none)
const majorIncidentBanner = EntityCardBlueprint.make({
  name: 'major-incident-banner',
  params: {
    type: 'content',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/major/EntityMajorIncidentBanner').then(m => (
        <m.EntityMajorIncidentBanner />
      )),
  },
});

const incidentsCard = EntityCardBlueprint.make({
  name: 'incidents',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityItsmCard/EntityItsmCard').then(m => (
        <m.EntityItsmCard />
      )),
  },
});

const slaCard = EntityCardBlueprint.make({
  name: 'sla',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/sla/EntitySlaCard').then(m => <m.EntitySlaCard />),
  },
});

const onCallCard = EntityCardBlueprint.make({
  name: 'oncall',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/oncall/EntityOnCallCard').then(m => (
        <m.EntityOnCallCard />
      )),
  },
});

const groupOnCallCard = EntityCardBlueprint.make({
  name: 'group-oncall',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/oncall/EntityGroupOnCallCard').then(m => (
        <m.EntityGroupOnCallCard />
      )),
  },
});

const workaroundsCard = EntityCardBlueprint.make({
  name: 'workarounds',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/workarounds/EntityOpenWorkaroundsCard').then(m => (
        <m.EntityOpenWorkaroundsCard />
      )),
  },
});

const changesCard = EntityCardBlueprint.make({
  name: 'changes',
  params: {
    filter: { kind: 'component' },
    loader: () =>
      import('./components/changes/EntityChangesCard').then(m => (
        <m.EntityChangesCard />
      )),
  },
});

const groupActionItemsCard = EntityCardBlueprint.make({
  name: 'group-action-items',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/reviews/ActionItemsCard').then(m => (
        <m.EntityActionItemsCard />
      )),
  },
});

const groupKpiCard = EntityCardBlueprint.make({
  name: 'group-kpis',
  params: {
    filter: { kind: 'group' },
    loader: () =>
      import('./components/reports/EntityGroupKpiCard').then(m => (
        <m.EntityGroupKpiCard />
      )),
  },
});

const userActionItemsCard = EntityCardBlueprint.make({
  name: 'user-action-items',
  params: {
    filter: { kind: 'user' },
    loader: () =>
      import('./components/reviews/ActionItemsCard').then(m => (
        <m.EntityActionItemsCard />
      )),
  },
});

const itsmContent = EntityContentBlueprint.make({
  params: {
    path: 'itsm',
    title: 'ITSM',
    filter: { kind: 'component' },
    loader: () =>
      import('./components/EntityItsmContent/EntityItsmContent').then(m => (
        <m.EntityItsmContent />
      )),
  },
});

// Home page widgets (`@backstage/plugin-home`): the signed-in user's ITSM
const homeLayout = {
  width: { minColumns: 3, defaultColumns: 4 },
  height: { minRows: 2, defaultRows: 4 },
};

const myOnCallWidget = HomePageWidgetBlueprint.make({
  name: 'my-oncall',
  params: {
    name: 'ItsmMyOnCall',
    title: 'My on-call',
    description: 'Your on-call shift now and your next one',
    layout: homeLayout,
    components: () =>
      import('./components/home/MyOnCallCard').then(m => ({
        Content: m.MyOnCallContent,
        Actions: m.MyOnCallActions,
      })),
  },
});

const myIncidentsWidget = HomePageWidgetBlueprint.make({
  name: 'my-incidents',
  params: {
    name: 'ItsmMyIncidents',
    title: 'My open incidents',
    description: 'Open incidents assigned to you, most urgent first',
    layout: homeLayout,
    components: () =>
      import('./components/home/MyIncidentsCard').then(m => ({
        Content: m.MyIncidentsContent,
        Actions: m.MyIncidentsActions,
      })),
  },
});

const myActionItemsWidget = HomePageWidgetBlueprint.make({
  name: 'my-action-items',
  params: {
    name: 'ItsmMyActionItems',
    title: 'My action items',
    description: 'Your open post-incident action items, overdue first',
    layout: homeLayout,
    components: () =>
      import('./components/home/MyActionItemsCard').then(m => ({
        Content: m.MyActionItemsContent,
        Actions: m.MyActionItemsActions,
      })),
  },
});

const myServicesWidget = HomePageWidgetBlueprint.make({
  name: 'my-services',
  params: {
    name: 'ItsmMyServices',
    title: "My groups' services",
    description: 'Services of your groups with open incidents, per priority',
    layout: homeLayout,
    components: () =>
      import('./components/home/MyServicesCard').then(m => ({
        Content: m.MyServicesContent,
        Actions: m.MyServicesActions,
      })),
  },
});

/**
 * Backstage ITSM for the new frontend system: the `/itsm` page, the
 * incidents, SLA and on-call cards on components' overview, the on-call,
 * action items and KPI cards on groups, the action items card on users, the
 * ITSM tab, ITSM records among search results, and four home page widgets (my
 * on-call, my open incidents, my action items, my groups' services with open
 * incidents).
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'itsm',
  title: 'ITSM',
  icon: <ReportProblemIcon />,
  routes: { root: rootRouteRef },
  extensions: [
    itsmApi,
    itsmPage,
    majorIncidentBanner,
    incidentsCard,
    slaCard,
    onCallCard,
    groupOnCallCard,
    workaroundsCard,
    changesCard,
    groupActionItemsCard,
    groupKpiCard,
    userActionItemsCard,
    itsmContent,
    searchResultListItem,
    ...searchResultTypeFilters,
    myOnCallWidget,
    myIncidentsWidget,
    myActionItemsWidget,
    myServicesWidget,
  ],
});
