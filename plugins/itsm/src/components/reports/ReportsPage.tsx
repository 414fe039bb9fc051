import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  isoWeekOf,
  kpiDayOf,
  KpiValues,
  shiftIsoWeek,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { itsmApiRef } from '../../api';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import {
  BacklogChart,
  ResponseTimesChart,
  VolumeByPriorityChart,
  VolumeByWeekChart,
} from './KpiCharts';
import { KpiFilters, useKpiReports } from './useKpiReports';

const PERIODS = [
  { days: 28, label: 'Last 4 weeks' },
  { days: 84, label: 'Last 12 weeks' },
  { days: 182, label: 'Last 26 weeks' },
  { days: 365, label: 'Last 12 months' },
];

const percent = (ratio: number | null) =>
  ratio === null ? '–' : `${Math.round(ratio * 1000) / 10} %`;
const duration = (ms: number | null) => {
  if (ms === null) return '–';
  const min = ms / 60_000;
  return min < 120 ? `${Math.round(min)} min` : `${Math.round(min / 6) / 10} h`;
};

/** The headline numbers of a period. */
function KpiStrip(props: { kpis: KpiValues; open: number }) {
  const { kpis } = props;
  const items = [
    ['Opened', String(kpis.opened)],
    ['Resolved', String(kpis.resolved)],
    ['Open now', String(props.open)],
    ['MTTA (median)', duration(kpis.mtta.medianMs)],
    ['MTTR (median)', duration(kpis.mttr.medianMs)],
    ['MTTR (p90)', duration(kpis.mttr.p90Ms)],
    ['Reopen rate', percent(kpis.reopenRate)],
    ['SLA resolution', percent(kpis.slaResolution.compliance)],
  ];
  return (
    <Grid container spacing={2}>
      {items.map(([label, value]) => (
        <Grid item xs={6} sm={3} lg key={label}>
          <Typography variant="caption" color="textSecondary">
            {label}
          </Typography>
          <Typography variant="h5">{value}</Typography>
        </Grid>
      ))}
    </Grid>
  );
}

/** Downloads the last complete week's review as Markdown or CSV. */
function WeeklyReviewExport() {
  const api = useApi(itsmApiRef);
  const week = shiftIsoWeek(isoWeekOf(kpiDayOf(new Date().toISOString())), -1);
  const [error, setError] = useState<Error>();
  const download = async (format: 'md' | 'csv') => {
    try {
      const text = await api.exportWeeklyReview(week, format);
      const url = URL.createObjectURL(
        new Blob([text], {
          type: format === 'md' ? 'text/markdown' : 'text/csv',
        }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = `weekly-review-${week}.${format}`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <InfoCard title={`Weekly review ${week}`}>
      <Grid container spacing={1}>
        <Grid item>
          <Button variant="outlined" onClick={() => download('md')}>
            Export Markdown
          </Button>
        </Grid>
        <Grid item>
          <Button variant="outlined" onClick={() => download('csv')}>
            Export CSV
          </Button>
        </Grid>
      </Grid>
      {error && <ReadErrorPanel error={error} />}
    </InfoCard>
  );
}

/** `/itsm/reports`: KPIs of the estate, a service or a group, charted. */
export function ReportsPage() {
  const [filters, setFilters] = useState<KpiFilters>({ days: 84 });
  const [draft, setDraft] = useState({ entityRef: '', group: '' });
  const reports = useKpiReports(filters);

  let content;
  if (reports.loading && !reports.value) {
    content = <Progress />;
  } else if (reports.error) {
    content = <ReadErrorPanel error={reports.error} />;
  } else if (reports.value) {
    const { byWeek, byPriority, byService } = reports.value;
    const services = [...(byService.groups ?? [])]
      .sort((a, b) => b.kpis.opened - a.kpis.opened)
      .slice(0, 10)
      .map(g => ({
        id: g.key,
        service: g.key,
        opened: g.kpis.opened,
        response: percent(g.kpis.slaResponse.compliance),
        resolution: percent(g.kpis.slaResolution.compliance),
        mttr: duration(g.kpis.mttr.medianMs),
      }));
    content = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="Key figures">
            <KpiStrip kpis={byWeek.totals} open={byWeek.backlog.open} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <InfoCard title="Incidents by week">
            <VolumeByWeekChart report={byWeek} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <InfoCard title="Incidents by priority">
            <VolumeByPriorityChart report={byPriority} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <InfoCard title="MTTA and MTTR by week">
            <ResponseTimesChart report={byWeek} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={6}>
          <InfoCard title="Backlog by age">
            <BacklogChart report={byWeek} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={8}>
          <Table
            title="Top services: volume and SLA compliance"
            options={{ paging: false, search: false, padding: 'dense' }}
            columns={[
              { title: 'Service', field: 'service' },
              { title: 'Incidents', field: 'opened', type: 'numeric' },
              { title: 'SLA response', field: 'response' },
              { title: 'SLA resolution', field: 'resolution' },
              { title: 'MTTR (median)', field: 'mttr' },
            ]}
            data={services}
            emptyContent={
              <Typography variant="body2" style={{ padding: 16 }}>
                No incidents in this period.
              </Typography>
            }
          />
        </Grid>
        <Grid item xs={12} lg={4}>
          <WeeklyReviewExport />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header title="ITSM" subtitle="KPIs and the weekly review" />
      <ItsmSectionTabs />
      <Content>
        <Grid container spacing={2} alignItems="center">
          <Grid item>
            <TextField
              select
              id="kpi-period"
              label="Period"
              value={filters.days}
              onChange={e =>
                setFilters(f => ({ ...f, days: Number(e.target.value) }))
              }
              style={{ minWidth: 180 }}
            >
              {PERIODS.map(p => (
                <MenuItem key={p.days} value={p.days}>
                  {p.label}
                </MenuItem>
              ))}
            </TextField>
          </Grid>
          <Grid item>
            <TextField
              id="kpi-service"
              label="Service"
              placeholder="component:default/payments-api"
              value={draft.entityRef}
              onChange={e =>
                setDraft(d => ({ ...d, entityRef: e.target.value }))
              }
            />
          </Grid>
          <Grid item>
            <TextField
              id="kpi-group"
              label="Group"
              placeholder="group:default/payments-team"
              value={draft.group}
              onChange={e => setDraft(d => ({ ...d, group: e.target.value }))}
            />
          </Grid>
          <Grid item>
            <Button
              variant="contained"
              color="primary"
              onClick={() => setFilters(f => ({ ...f, ...draft }))}
            >
              Apply
            </Button>
          </Grid>
        </Grid>
        <div style={{ marginTop: 16 }}>{content}</div>
      </Content>
    </Page>
  );
}
