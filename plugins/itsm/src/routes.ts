import { createRouteRef } from '@backstage/core-plugin-api';

/** The ITSM page (`/itsm` in the demo app); incidents live under it. */
export const rootRouteRef = createRouteRef({ id: 'itsm' });
