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
import { EscalationPolicyPage } from '../oncall/EscalationPolicyPage';
import { OnCallSchedulesPage } from '../oncall/OnCallSchedulesPage';
import { SchedulePage } from '../oncall/SchedulePage';
import { ItsmSectionTabs } from './ItsmSectionTabs';
import { ChangePage } from '../changes/ChangePage';
import { ChangesView } from '../changes/EntityChangesContent';

function EstateIncidents() {
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Incidents across every service" />
      <ItsmSectionTabs />
      <Content>
        <ContentHeader title="Incidents">
          <ReportIncidentButton onCreated={() => setReloadKey(k => k + 1)} />
        </ContentHeader>
        <IncidentHistory reloadKey={reloadKey} />
      </Content>
    </Page>
  );
}

function EstateChanges() {
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Changes across every service" />
      <ItsmSectionTabs />
      <Content>
        <ChangesView />
      </Content>
    </Page>
  );
}

/** The ITSM page: estate-wide incidents, changes and on-call, each item under it. */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<EstateIncidents />} />
      <Route path="/incidents/:id" element={<IncidentPage />} />
      <Route path="/changes" element={<EstateChanges />} />
      <Route path="/changes/:id" element={<ChangePage />} />
      <Route path="/oncall" element={<OnCallSchedulesPage />} />
      <Route path="/oncall/schedules/:id" element={<SchedulePage />} />
      <Route
        path="/oncall/policies/:namespace/:name"
        element={<EscalationPolicyPage />}
      />
    </Routes>
  );
}
