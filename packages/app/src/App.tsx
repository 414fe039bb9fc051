import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import itsmPlugin from '@openitsm/backstage-plugin-itsm/alpha';
import { navModule } from './modules/nav';

// Other plugins in package.json are discovered too (app.packages: all).
export default createApp({
  features: [catalogPlugin, itsmPlugin, navModule],
});
