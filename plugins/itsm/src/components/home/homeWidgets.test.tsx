import {
  discoveryApiRef,
  identityApiRef,
} from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { HomePageWidgetBlueprint } from '@backstage/plugin-home-react/alpha';
import { mockApis, registerMswTestHooks } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import itsmPlugin from '../../alpha';
import { rootRouteRef } from '../../routes';

const server = setupServer();
registerMswTestHooks(server);

const WIDGETS = [
  'home-page-widget:itsm/my-oncall',
  'home-page-widget:itsm/my-incidents',
  'home-page-widget:itsm/my-action-items',
  'home-page-widget:itsm/my-services',
] as const;

const widgetOf = (id: (typeof WIDGETS)[number]) =>
  createExtensionTester(itsmPlugin.getExtension(id)).get(
    HomePageWidgetBlueprint.dataRefs.widget,
  );

describe('home page widgets (new frontend system)', () => {
  it('offers four cards to the home page, named as its defaultConfig names them', () => {
    expect(WIDGETS.map(id => [widgetOf(id).name, widgetOf(id).title])).toEqual([
      ['ItsmMyOnCall', 'My on-call'],
      ['ItsmMyIncidents', 'My open incidents'],
      ['ItsmMyActionItems', 'My action items'],
      ['ItsmMyServices', "My groups' services"],
    ]);
  });

  it('renders a card with its title, content and link, through the ITSM API', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents`, () =>
        HttpResponse.json({ items: [incident()] }),
      ),
    );
    renderInTestApp(widgetOf('home-page-widget:itsm/my-incidents').component, {
      features: [itsmPlugin],
      apis: [
        [discoveryApiRef, { getBaseUrl: async () => BASE_URL }],
        [
          identityApiRef,
          mockApis.identity({ userEntityRef: 'user:default/guest' }),
        ],
      ],
      mountedRoutes: { '/itsm': rootRouteRef },
    });
    expect(
      await screen.findByRole(
        'link',
        { name: 'INC-1042' },
        { timeout: 10_000 },
      ),
    ).toHaveAttribute('href', '/itsm/incidents/INC-1042');
    expect(screen.getByText('My open incidents')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'All my incidents' }),
    ).toHaveAttribute(
      'href',
      '/itsm?status=new%2Cacknowledged%2Cin_progress%2Con_hold&assignee=user%3Adefault%2Fguest',
    );
  }, 20_000);
});
