import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import Grid from '@material-ui/core/Grid';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { UnmappedAlerts } from './UnmappedAlerts';

/** `/itsm/alerts`: the alerts no service matched, waiting for triage. */
export function AlertTriagePage() {
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Alerts waiting for triage" />
      <ItsmSectionTabs />
      <Content>
        <Grid container spacing={3}>
          <Grid item xs={12}>
            <ContentHeader title="Unmapped alerts" />
            <UnmappedAlerts />
          </Grid>
        </Grid>
      </Content>
    </Page>
  );
}
