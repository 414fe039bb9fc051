import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  Table,
} from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  isoWeekOf,
  kpiDayOf,
  KpiReport,
  KpiValues,
  shiftIsoWeek,
} from '@openitsm/backstage-plugin-itsm-common';
import { useState } from 'react';
import { rootRouteRef } from '../../routes';
import { ReadErrorPanel } from '../common/ReadErrorPanel';
import { ItsmSectionTabs } from '../ItsmPage/ItsmSectionTabs';
import {
  BacklogChart,
  ResponseTimesChart,
  VolumeByPriorityChart,
  VolumeByWeekChart,
} from './KpiCharts';
import { formatDuration, formatPercent } from './kpiFormat';
import { KpiFilters, useKpiReports } from './useKpiReports';
import { WeeklyReviewExportButtons } from './WeeklyReviewExportButtons';

const PERIODS = [
  { days: 28, label: 'Last 4 weeks' },
  { days: 84, label: 'Last 12 weeks' },
  { days: 182, label: 'Last 26 weeks' },
  { days: 365, label: 'Last 12 months' },
];

const percent = formatPercent;
const duration = formatDuration;
/** An age: minutes or hours under two days, days beyond. */
const age = (ms: number | null) =>
  ms === null || ms < 48 * 3600_000
    ? duration(ms)
    : `${Math.round(ms / (24 * 3600_000))} d`;

/** The headline numbers of a period. */
function KeyFigures(props: { kpis: KpiValues; open: number }) {
  const { kpis } = props;
  const items = [
    ['Opened', String(kpis.opened)],
    ['Resolved', String(kpis.resolved)],
    ['Open now', String(props.open)],
    ['MTTA (median)', duration(kpis.mtta.medianMs)],
    ['MTTR (median)', duration(kpis.mttr.medianMs)],
    ['MTTR (p90)', duration(kpis.mttr.p90Ms)],
    ['MTTR business (median)', duration(kpis.mttrBusiness.medianMs)],
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

type ComplianceRow = {
  id: string;
  ref: string;
  opened: number;
  response: string;
  resolution: string;
  mttr: string;
};

/** Groups of a report as table rows, the busiest first. */
function complianceRows(groups: KpiReport['groups']): ComplianceRow[] {
  return [...(groups ?? [])]
    .sort((a, b) => b.kpis.opened - a.kpis.opened || (a.key < b.key ? -1 : 1))
    .map(g => ({
      id: g.key || 'none',
      ref: g.key,
      opened: g.kpis.opened,
      response: percent(g.kpis.slaResponse.compliance),
      resolution: percent(g.kpis.slaResolution.compliance),
      mttr: duration(g.kpis.mttr.medianMs),
    }));
}

/** Volume, SLA compliance and MTTR per service or per team. */
function ComplianceTable(props: {
  title: string;
  heading: string;
  rows: ComplianceRow[];
  defaultKind: string;
}) {
  return (
    <Table<ComplianceRow>
      title={props.title}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={[
        {
          title: props.heading,
          field: 'ref',
          render: row =>
            row.ref ? (
              <EntityRefLink
                entityRef={row.ref}
                defaultKind={props.defaultKind}
              />
            ) : (
              'Unassigned'
            ),
        },
        { title: 'Incidents', field: 'opened', type: 'numeric' },
        { title: 'SLA response', field: 'response' },
        { title: 'SLA resolution', field: 'resolution' },
        { title: 'MTTR (median)', field: 'mttr' },
      ]}
      data={props.rows}
      emptyContent={
        <Typography variant="body2" style={{ padding: 16 }}>
          No incidents in this period.
        </Typography>
      }
    />
  );
}

/** Problems and action items now, changes closed in the period. */
function RecordFigures(props: { report: KpiReport }) {
  const { problems, actionItems, changes } = props.report;
  const items = [
    ['Problems opened', String(problems.opened)],
    ['Problems open', String(problems.open)],
    ['Median open problem age', age(problems.medianOpenAgeMs)],
    ['Action items open', String(actionItems.open)],
    ['Action items overdue', String(actionItems.overdue)],
    ['Change failure rate', percent(changes.changeFailureRate)],
  ];
  return (
    <Grid container spacing={2}>
      {items.map(([label, value]) => (
        <Grid item xs={6} sm={4} key={label}>
          <Typography variant="caption" color="textSecondary">
            {label}
          </Typography>
          <Typography variant="h5">{value}</Typography>
        </Grid>
      ))}
    </Grid>
  );
}

/** The last complete week's review: a link to its page, and its exports. */
function WeeklyReviewCard() {
  const root = useRouteRef(rootRouteRef)().replace(/\/$/, '');
  const week = shiftIsoWeek(isoWeekOf(kpiDayOf(new Date().toISOString())), -1);
  return (
    <InfoCard
      title={`Weekly review ${week}`}
      deepLink={{
        title: 'Open the weekly review',
        link: `${root}/reports/weekly?week=${week}`,
      }}
    >
      <Typography variant="body2" paragraph>
        P1 and P2 incidents, SLA breaches, major incidents and their reviews,
        open problems, failed changes and overdue action items, with the KPIs
        against the previous week.
      </Typography>
      <WeeklyReviewExportButtons week={week} />
    </InfoCard>
  );
}

/** `/itsm/reports`: KPIs of the estate, a service or a group, charted. */
export function ReportsPage() {
  const [filters, setFilters] = useState<KpiFilters>({ days: 84 });
  const [draft, setDraft] = useState({ entityRef: '', system: '', group: '' });
  const reports = useKpiReports(filters);

  let content;
  if (reports.loading && !reports.value) {
    content = <Progress />;
  } else if (reports.error) {
    content = <ReadErrorPanel error={reports.error} />;
  } else if (reports.value) {
    const { byWeek, byPriority, byService, byGroup } = reports.value;
    const services = complianceRows(byService.groups).slice(0, 10);
    const teams = complianceRows(byGroup.groups);
    content = (
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <InfoCard title="Key figures">
            <KeyFigures kpis={byWeek.totals} open={byWeek.backlog.open} />
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
        <Grid item xs={12} xl={6}>
          <ComplianceTable
            title="Top services: volume and SLA compliance"
            heading="Service"
            rows={services}
            defaultKind="component"
          />
        </Grid>
        <Grid item xs={12} xl={6}>
          <ComplianceTable
            title="SLA compliance by team"
            heading="Assigned group"
            rows={teams}
            defaultKind="group"
          />
        </Grid>
        <Grid item xs={12} lg={8}>
          <InfoCard title="Problems, action items and changes">
            <RecordFigures report={byWeek} />
          </InfoCard>
        </Grid>
        <Grid item xs={12} lg={4}>
          <WeeklyReviewCard />
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
              id="kpi-system"
              label="System"
              placeholder="system:default/payments"
              value={draft.system}
              onChange={e => setDraft(d => ({ ...d, system: e.target.value }))}
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
