import { useRouteRef } from '@backstage/core-plugin-api';
import Tab from '@material-ui/core/Tab';
import Tabs from '@material-ui/core/Tabs';
import { Link as RouterLink } from 'react-router-dom';
import { rootRouteRef } from '../../routes';

/** Incidents | Problems, at the top of the ITSM page. */
export function ItsmTabs(props: { current: 'incidents' | 'problems' }) {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  return (
    <Tabs value={props.current} indicatorColor="primary" aria-label="ITSM">
      <Tab
        value="incidents"
        label="Incidents"
        component={RouterLink}
        to={root || '/'}
      />
      <Tab
        value="problems"
        label="Problems"
        component={RouterLink}
        to={`${root}/problems`}
      />
    </Tabs>
  );
}
