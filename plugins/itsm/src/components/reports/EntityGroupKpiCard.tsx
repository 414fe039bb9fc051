import { stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { rootRouteRef } from '../../routes';
import { KpiStrip } from './KpiStrip';

/**
 * A group's incident KPIs (the incidents assigned to it), the last 30 days
 * against the 30 before, with a link to the full reports.
 */
export function EntityGroupKpiCard() {
  const { entity } = useEntity();
  const groupRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  return (
    <InfoCard
      title="Incident KPIs"
      subheader="Incidents assigned to this group, last 30 days"
      deepLink={{ title: 'All reports', link: `${root}/reports` }}
    >
      <KpiStrip group={groupRef} />
    </InfoCard>
  );
}
