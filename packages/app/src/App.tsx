import { createApp } from '@backstage/frontend-defaults';
import appVisualizerPlugin from '@backstage/plugin-app-visualizer';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import homePlugin from '@backstage/plugin-home/alpha';
import notificationsPlugin from '@backstage/plugin-notifications/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import searchPlugin from '@backstage/plugin-search/alpha';
import signalsPlugin from '@backstage/plugin-signals/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import itsmPlugin from '@openitsm/backstage-plugin-itsm/alpha';
import { navModule } from './modules/nav';

// Listed explicitly so the app (and its test) does not depend on package
// discovery; `app.packages: all` in app-config finds the same plugins.
export default createApp({
  features: [
    homePlugin,
    catalogPlugin,
    orgPlugin,
    itsmPlugin,
    searchPlugin,
    notificationsPlugin,
    signalsPlugin,
    userSettingsPlugin,
    appVisualizerPlugin,
    navModule,
  ],
});
