import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import { useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { IncidentPage } from '../IncidentPage/IncidentPage';
import { ReportIncidentDialog } from '../ReportIncidentDialog/ReportIncidentDialog';

function EstateIncidents() {
  const [reporting, setReporting] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Incidents across every service" />
      <Content>
        <ContentHeader title="Incidents">
          <Button
            variant="contained"
            color="primary"
            onClick={() => setReporting(true)}
          >
            Report incident
          </Button>
        </ContentHeader>
        <IncidentHistory reloadKey={reloadKey} />
        <ReportIncidentDialog
          open={reporting}
          onClose={() => setReporting(false)}
          onCreated={() => setReloadKey(k => k + 1)}
        />
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
