import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import { useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { IncidentPage } from '../IncidentPage/IncidentPage';
import { ReportIncidentButton } from '../ReportIncidentDialog/ReportIncidentButton';

function EstateIncidents() {
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Incidents across every service" />
      <Content>
        <ContentHeader title="Incidents">
          <ReportIncidentButton onCreated={() => setReloadKey(k => k + 1)} />
        </ContentHeader>
        <IncidentHistory reloadKey={reloadKey} />
      </Content>
    </Page>
  );
}

/** The ITSM page: estate-wide incidents, and each incident under it. */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<EstateIncidents />} />
      <Route path="/incidents/:id" element={<IncidentPage />} />
    </Routes>
  );
}
