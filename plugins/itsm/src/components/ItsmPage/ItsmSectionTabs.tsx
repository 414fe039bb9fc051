import { HeaderTabs } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

/** The sections of the ITSM page, by path under it; '' is the incidents list. */
const SECTIONS = [
  { path: '', label: 'Incidents' },
  { path: 'problems', label: 'Problems' },
  { path: 'changes', label: 'Changes' },
  { path: 'reviews', label: 'Reviews' },
  { path: 'oncall', label: 'On-call' },
  { path: 'alerts', label: 'Alerts' },
  { path: 'status', label: 'Status' },
  { path: 'reports', label: 'Reports' },
];

/**
 * Tabs under the ITSM page header, one link per section. Backstage's
 * HeaderTabs sit in the page grid's subheader row; a bare MUI Tabs there
 * falls into the grid's side column and pushes the content aside.
 */
export function ItsmSectionTabs() {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  const { pathname } = useLocation();
  // The path under the ITSM page (or the whole path where it is not mounted
  // under its route ref, as in a bare test render)
  const rest = (
    pathname.startsWith(root) ? pathname.slice(root.length) : pathname
  ).replace(/^\//, '');
  const selected = SECTIONS.reduce(
    (best, section, i) =>
      section.path &&
      (rest === section.path || rest.startsWith(`${section.path}/`))
        ? i
        : best,
    0,
  );
  return (
    <HeaderTabs
      selectedIndex={selected}
      tabs={SECTIONS.map(section => ({
        id: section.path || 'incidents',
        label: section.label,
        tabProps: {
          component: RouterLink,
          to: section.path ? `${root}/${section.path}` : root || '/',
        } as object,
      }))}
    />
  );
}
