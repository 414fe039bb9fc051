import {
  Content,
  ContentHeader,
  Header,
  Page,
} from '@backstage/core-components';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import { UnmappedAlerts } from './UnmappedAlerts';

/** `/itsm/alerts`: the alerts no service matched, waiting for triage. */
export function AlertTriagePage() {
  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="Alerts waiting for triage" />
      <ItsmSectionTabs />
      <Content>
        <ContentHeader title="Unmapped alerts" />
        <UnmappedAlerts />
      </Content>
    </Page>
  );
}
