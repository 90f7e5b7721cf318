import { useEffect, useState } from 'react';
import { allAlerts, Q } from './api.js';
import { CoverageBars, StackedColumns } from './charts.jsx';
import { DataTable } from './table.jsx';
import { AlertTriage, KINDS } from './alerts.jsx';
import { humanKind, inr, inrShort, ist, istDay, istToday, num, paiseToRupees, pct, periodLabel, periodOf } from './format.js';

const METRICS = {
  totalAmountPaise: { label: 'Amount (₹)', format: inrShort },
  beneficiaries: { label: 'Beneficiaries', format: (n) => num(Math.round(n)) },
  reports: { label: 'Reports', format: (n) => num(Math.round(n)) },
};
const TOP = 6;
/** Alerts read for the chart and the open-alerts tile (pages of 100, newest first). */
const ALERTS_MAX = 500;

/** Series of a metric per period for the top keys of one grouping (the rest as "Other"). */
function benefitSeries(summary, dim, metric) {
  const keyOf = (g) => (dim === 'STATE' ? g.stateCode : g.schemeCode);
  const totals = new Map();
  const names = new Map();
  for (const g of summary.groups) {
    totals.set(keyOf(g), (totals.get(keyOf(g)) ?? 0) + g[metric]);
    names.set(keyOf(g), g.label?.split(' · ')[0] ?? keyOf(g));
  }
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k]) => k);
  const series = top.map((k) => ({ key: k, name: names.get(k) ?? k, values: summary.periods.map(() => 0) }));
  const other = { key: '*', name: 'Other', values: summary.periods.map(() => 0) };
  for (const g of summary.groups) {
    const s = series.find((x) => x.key === keyOf(g)) ?? other;
    s.values[summary.periods.indexOf(g.periodStart)] += g[metric];
  }
  return other.values.some(Boolean) ? [...series, other] : series;
}

function Tile({ id, label, value, hint }) {
  return <div className="udx-tile" role="listitem" data-testid={`tile-${id}`}><span className="udx-tile-value">{value}</span><span className="udx-tile-label">{label}</span>{hint && <span className="udx-tile-hint">{hint}</span>}</div>;
}

function Panel({ id, title, error, children }) {
  return (
    <section className="udx-panel" aria-labelledby={`${id}-title`} data-testid={`panel-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {error ? <p className="udx-error" role="alert">{error}</p> : children ?? <p className="udx-hint">Loading…</p>}
    </section>
  );
}

export function Overview({ gql, role }) {
  const [from, setFrom] = useState(() => `${istToday(-150).slice(0, 7)}-01`);
  const [to, setTo] = useState(() => istToday());
  const [period, setPeriod] = useState('MONTH');
  const [dim, setDim] = useState('STATE');
  const [metric, setMetric] = useState('totalAmountPaise');
  const [data, setData] = useState({});
  const [errors, setErrors] = useState({});
  const [alertsVersion, setAlertsVersion] = useState(0);

  const load = (name, p) => p.then((v) => { setData((d) => ({ ...d, [name]: v })); setErrors((e) => ({ ...e, [name]: null })); },
    (err) => setErrors((e) => ({ ...e, [name]: err.message })));

  useEffect(() => { load('coverage', gql(Q.coverage, { from, to }).then((d) => d.reciprocityByApplication)); }, [from, to]);
  useEffect(() => { load('benefits', gql(Q.benefits, { groupBy: [dim, period], from, to }).then((d) => d.benefitSummary)); }, [from, to, dim, period]);
  useEffect(() => { load('alerts', allAlerts(gql, ALERTS_MAX)); }, [alertsVersion]);
  useEffect(() => {
    load('mous', gql(Q.mous).then((d) => {
      const orgs = new Map(d.organizations.edges.map((e) => [e.node.id, e.node.name]));
      return d.mous.edges.map((e) => ({ ...e.node, organizationName: orgs.get(e.node.organizationId) ?? `Organisation ${e.node.organizationId}` }));
    }));
  }, []);

  const coverage = data.coverage ?? [];
  const due = coverage.filter((a) => a.reporting.status === 'DUE_SOON' || a.reporting.status === 'SUSPENDED');
  const b = data.benefits;
  const m = METRICS[metric];
  const alertsInRange = (data.alerts ?? []).filter((a) => istDay(a.raisedAt) >= from && istDay(a.raisedAt) <= to);
  const alertPeriods = b?.periods ?? [];
  const alertSeries = KINDS.map((k) => ({ name: humanKind(k), values: alertPeriods.map((p) => alertsInRange.filter((a) => a.kind === k && periodOf(istDay(a.raisedAt), period) === p).length) }))
    .filter((s) => s.values.some(Boolean));

  return (
    <main className="udx-main">
      <form className="udx-controls" aria-label="Dashboard range" onSubmit={(e) => e.preventDefault()}>
        <label>From (IST)<input type="date" value={from} max={to} onChange={(e) => e.target.value && setFrom(e.target.value)} data-testid="range-from" /></label>
        <label>To (IST)<input type="date" value={to} min={from} onChange={(e) => e.target.value && setTo(e.target.value)} data-testid="range-to" /></label>
        <label>Period<select value={period} onChange={(e) => setPeriod(e.target.value)} data-testid="period"><option value="MONTH">Month</option><option value="WEEK">Week</option></select></label>
        <label>Benefits by<select value={dim} onChange={(e) => setDim(e.target.value)} data-testid="dimension"><option value="STATE">State</option><option value="SCHEME">Scheme</option></select></label>
        <label>Measure<select value={metric} onChange={(e) => setMetric(e.target.value)} data-testid="metric">{Object.entries(METRICS).map(([k, v]) => <option key={k} value={k}>{v.label}</option>)}</select></label>
      </form>

      <div className="udx-tiles" role="list">
        <Tile id="records" label="Records accessed" value={num(coverage.reduce((s, a) => s + a.recordsAccessed, 0))} />
        <Tile id="reported" label="PwDs reported benefited" value={num(coverage.reduce((s, a) => s + a.pwdsReportedBenefited, 0))} />
        <Tile id="amount" label="Benefits paid" value={b ? inr(b.total.totalAmountPaise) : '…'} hint={b ? `${num(b.total.reports)} reports` : null} />
        <Tile id="open-alerts" label="Open alerts" value={num((data.alerts ?? []).filter((a) => a.status === 'OPEN').length)} />
        <Tile id="mous" label="MoUs ending in 90 days" value={num(data.mous?.length ?? 0)} />
        <Tile id="due" label="Applications due or overdue" value={num(due.length)} />
      </div>

      <div className="udx-grid2">
        <Panel id="coverage" title="Coverage: records accessed vs. beneficiaries reported" error={errors.coverage}>
          {data.coverage && <CoverageBars testId="chart-coverage" rows={coverage.filter((a) => a.recordsAccessed || a.benefitReports)} />}
        </Panel>
        <Panel id="benefits" title={`Benefits by ${dim === 'STATE' ? 'state' : 'scheme'} per ${period === 'MONTH' ? 'month' : 'week'}`} error={errors.benefits}>
          {b && <StackedColumns testId="chart-benefits" title={`${m.label} by ${dim.toLowerCase()} per ${period.toLowerCase()}`}
            periods={b.periods} labels={b.periods.map((p) => periodLabel(p, period))} series={benefitSeries(b, dim, metric)} format={m.format} />}
        </Panel>
        <Panel id="alerts-chart" title={`Scraping alerts per ${period === 'MONTH' ? 'month' : 'week'}, by kind`} error={errors.alerts}>
          {data.alerts && b && <StackedColumns testId="chart-alerts" title="Alerts raised" periods={alertPeriods}
            labels={alertPeriods.map((p) => periodLabel(p, period))} series={alertSeries} format={(n) => num(Math.round(n))} />}
          {data.alerts?.length >= ALERTS_MAX && <p className="udx-hint">Drawn from the newest {ALERTS_MAX} alerts; filter the triage table below for older ones.</p>}
        </Panel>
        <Panel id="mous" title="MoUs ending within 90 days" error={errors.mous}>
          {data.mous && <DataTable id="mous" caption="MoUs ending within 90 days" rows={data.mous} empty="No MoU ends within 90 days." columns={[
            { key: 'reference', label: 'MoU' }, { key: 'organizationName', label: 'Organisation' },
            { key: 'expiresOn', label: 'Ends on (first day without access)' }, { key: 'daysLeft', label: 'Days left', numeric: true },
          ]} />}
        </Panel>
      </div>

      <Panel id="coverage-table" title="Coverage and reporting per application" error={errors.coverage}>
        {data.coverage && <DataTable id="coverage" caption="Coverage per application" rows={coverage} rowKey={(r) => r.applicationId} columns={[
          { key: 'applicationName', label: 'Application' }, { key: 'organizationName', label: 'Organisation' },
          { key: 'recordsAccessed', label: 'Records accessed', numeric: true, render: (r) => num(r.recordsAccessed) },
          { key: 'distinctPwdsAccessed', label: 'PwDs accessed', numeric: true, render: (r) => num(r.distinctPwdsAccessed) },
          { key: 'pwdsReportedBenefited', label: 'PwDs reported benefited', numeric: true, render: (r) => num(r.pwdsReportedBenefited) },
          { key: 'coverageRatio', label: 'Coverage', numeric: true, render: (r) => pct(r.coverageRatio) },
          { key: 'status', label: 'Reporting', render: (r) => r.reporting.status, cell: (r) => r.reporting.status },
          { key: 'dueBy', label: 'Report due by (IST)', render: (r) => r.reporting.dueBy ?? '—', cell: (r) => r.reporting.dueBy },
          { key: 'lastReportAt', label: 'Last report (IST)', render: (r) => ist(r.reporting.lastReportAt), cell: (r) => (r.reporting.lastReportAt ? ist(r.reporting.lastReportAt) : null) },
        ]} />}
      </Panel>

      <Panel id="due" title="Applications due or overdue for reporting" error={errors.coverage}>
        {data.coverage && <DataTable id="due" caption="Applications due or overdue for reporting" rows={due} rowKey={(r) => r.applicationId} empty="Every application is reporting on time." columns={[
          { key: 'applicationName', label: 'Application' }, { key: 'organizationName', label: 'Organisation' },
          { key: 'status', label: 'Standing', render: (r) => (r.reporting.status === 'SUSPENDED' ? 'Overdue: sharing suspended' : 'Due soon'), cell: (r) => r.reporting.status },
          { key: 'dueBy', label: 'Due by (IST)', render: (r) => r.reporting.dueBy ?? '—', cell: (r) => r.reporting.dueBy },
          { key: 'message', label: 'What it means', render: (r) => r.reporting.message, cell: (r) => r.reporting.message },
        ]} />}
      </Panel>

      <Panel id="benefits-table" title="Benefits table" error={errors.benefits}>
        {b && <DataTable id="benefits" caption={`Benefits by ${dim.toLowerCase()} and ${period.toLowerCase()}`} rows={b.groups} rowKey={(r) => r.key} columns={[
          { key: 'periodStart', label: period === 'MONTH' ? 'Month' : 'Week from' },
          { key: 'label', label: dim === 'STATE' ? 'State' : 'Scheme', render: (r) => r.label ?? r.key, cell: (r) => r.label ?? r.key },
          { key: 'code', label: 'Code', render: (r) => r.stateCode ?? r.schemeCode, cell: (r) => r.stateCode ?? r.schemeCode },
          { key: 'reports', label: 'Reports', numeric: true, render: (r) => num(r.reports) },
          { key: 'beneficiaries', label: 'Beneficiaries', numeric: true, render: (r) => num(r.beneficiaries) },
          { key: 'totalAmountPaise', label: 'Amount (₹)', numeric: true, render: (r) => inr(r.totalAmountPaise), cell: (r) => paiseToRupees(r.totalAmountPaise) },
        ]} />}
      </Panel>

      <AlertTriage gql={gql} canAct={role === 'DEPWD_ADMIN'} onChanged={() => setAlertsVersion((v) => v + 1)} onError={(e) => setErrors((x) => ({ ...x, triage: e.message }))} />
      {errors.triage && <p className="udx-error" role="alert">{errors.triage}</p>}
    </main>
  );
}
