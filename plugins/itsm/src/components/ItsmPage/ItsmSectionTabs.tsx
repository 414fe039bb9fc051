import { useRouteRef } from '@backstage/core-plugin-api';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { Link as RouterLink, useLocation } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

/** The sections of the ITSM page, by path under it; '' is the incidents list. */
const SECTIONS = [
  { path: '', label: 'Incidents' },
  { path: 'problems', label: 'Problems' },
  { path: 'changes', label: 'Changes' },
  { path: 'oncall', label: 'On-call' },
  { path: 'status', label: 'Status' },
];

/** Tabs under the ITSM page header, one per section. */
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
    <Tabs value={selected} indicatorColor="primary" aria-label="ITSM sections">
      {SECTIONS.map(section => (
        <Tab
          key={section.path}
          label={section.label}
          component={RouterLink}
          to={section.path ? `${root}/${section.path}` : root || '/'}
        />
      ))}
    </Tabs>
  );
}
