import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import { useState } from 'react';
import { Route, Routes } from 'react-router-dom';
import { IncidentHistory } from '../IncidentList/IncidentHistory';
import { IncidentPage } from '../IncidentPage/IncidentPage';
import { OpenProblemDialog } from '../problems/OpenProblemDialog';
import { ProblemList } from '../problems/ProblemList';
import { ProblemPage } from '../problems/ProblemPage';
import { ProblemProposals } from '../problems/ProblemProposals';
import { ReportIncidentButton } from '../ReportIncidentDialog/ReportIncidentButton';
import { EscalationPolicyPage } from '../oncall/EscalationPolicyPage';
import { OnCallSchedulesPage } from '../oncall/OnCallSchedulesPage';
import { SchedulePage } from '../oncall/SchedulePage';
import { itsmProblemCreatePermission } from '@openitsm/backstage-plugin-itsm-common';
import { Permitted } from '../common/Permitted';
import { ItsmSectionTabs } from './ItsmSectionTabs';
import { ReportsPage } from '../reports/ReportsPage';
import { WeeklyReviewPage } from '../reports/WeeklyReviewPage';
import { ChangePage } from '../changes/ChangePage';
import { ChangesView } from '../changes/EntityChangesContent';
import { AlertTriagePage } from '../alerts/AlertTriagePage';
import { StatusPage } from '../major/StatusPage';
import { ReviewsPage } from '../reviews/ReviewsPage';

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
        <IncidentHistory reloadKey={reloadKey} selectable />
      </Content>
    </Page>
  );
}

function EstateProblems() {
  const [opening, setOpening] = useState(false);
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Problems across every service" />
      <ItsmSectionTabs />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ProblemProposals />
          </Grid>
          <Grid item xs={12}>
            <ContentHeader title="Problems">
              <Permitted permission={itsmProblemCreatePermission}>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => setOpening(true)}
                >
                  Open problem
                </Button>
              </Permitted>
            </ContentHeader>
            <ProblemList />
          </Grid>
        </Grid>
        <OpenProblemDialog open={opening} onClose={() => setOpening(false)} />
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

/**
 * The ITSM page: estate-wide incidents, problems, changes and on-call
 * schedules, and each one's own page under it.
 */
export function ItsmPage() {
  return (
    <Routes>
      <Route path="/" element={<EstateIncidents />} />
      <Route path="/incidents/:id" element={<IncidentPage />} />
      <Route path="/problems" element={<EstateProblems />} />
      <Route path="/problems/:id" element={<ProblemPage />} />
      <Route path="/changes" element={<EstateChanges />} />
      <Route path="/changes/:id" element={<ChangePage />} />
      <Route path="/reviews" element={<ReviewsPage />} />
      <Route path="/oncall" element={<OnCallSchedulesPage />} />
      <Route path="/alerts" element={<AlertTriagePage />} />
      <Route path="/status" element={<StatusPage />} />
      <Route path="/reports" element={<ReportsPage />} />
      <Route path="/reports/weekly" element={<WeeklyReviewPage />} />
      <Route path="/oncall/schedules/:id" element={<SchedulePage />} />
      <Route
        path="/oncall/policies/:namespace/:name"
        element={<EscalationPolicyPage />}
      />
    </Routes>
  );
}
