import {
  Content,
  ContentHeader,
  Header,
  HeaderTabs,
  Page,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { ReactNode, useState } from 'react';
import { Route, Routes, useNavigate } from 'react-router-dom';
import { rootRouteRef } from '../../routes';
import { ChangePage } from '../changes/ChangePage';
import { ChangesView } from '../changes/EntityChangesContent';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { IncidentPage } from '../IncidentPage/IncidentPage';
import { ReportIncidentButton } from '../ReportIncidentDialog/ReportIncidentButton';

const TABS = [
  { id: '', label: 'Incidents' },
  { id: 'changes', label: 'Changes' },
];

/** The estate-wide pages share a header with a tab per practice. */
function EstatePage(props: { tab: string; children: ReactNode }) {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  const navigate = useNavigate();
  return (
    <Page themeId="tool">
      <Header
        title="ITSM"
        subtitle="Incidents and changes across every service"
      />
      <HeaderTabs
        tabs={TABS}
        selectedIndex={TABS.findIndex(t => t.id === props.tab)}
        onChange={index => navigate(`${root}/${TABS[index].id}`)}
      />
      <Content>{props.children}</Content>
    </Page>
  );
}

function EstateChanges() {
  return (
    <EstatePage tab="changes">
      <ChangesView />
    </EstatePage>
  );
}

function EstateIncidents() {
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <EstatePage tab="">
      <ContentHeader title="Incidents">
        <ReportIncidentButton onCreated={() => setReloadKey(k => k + 1)} />
      </ContentHeader>
      <IncidentHistory reloadKey={reloadKey} />
    </EstatePage>
  );
}

/** The ITSM page: estate-wide incidents and changes, and each one under it. */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<EstateIncidents />} />
      <Route path="/incidents/:id" element={<IncidentPage />} />
      <Route path="/changes" element={<EstateChanges />} />
      <Route path="/changes/:id" element={<ChangePage />} />
    </Routes>
  );
}
