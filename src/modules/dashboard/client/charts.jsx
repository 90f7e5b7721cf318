// Charts as inline SVG drawn by the page itself (no chart library, nothing from a CDN). Each chart is
// an image with a text summary for screen readers; the table under it holds the same numbers.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D1F', '#6E6E6E'];
export const colour = (i) => PALETTE[i % PALETTE.length];

function niceMax(v) {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((m) => m >= v);
}

function Legend({ names }) {
  return (
    <ul className="udx-legend" aria-hidden="true">
      {names.map((n, i) => <li key={n}><span className="udx-swatch" style={{ background: colour(i) }} />{n}</li>)}
    </ul>
  );
}

/**
 * Columns per period, stacked by series. `series`: [{ name, values: [one per period] }].
 * `testId` names the chart for tests; `data-total` on the SVG is the sum drawn.
 */
export function StackedColumns({ testId, title, periods, labels, series, format }) {
  const W = 640, H = 240, L = 64, B = 36, T = 10;
  const totals = periods.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const bw = (W - L - 8) / Math.max(periods.length, 1);
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const sum = totals.reduce((a, b) => a + b, 0);
  const summary = `${title}: ${periods.length} periods, total ${format(sum)}. ${series.map((s) => `${s.name} ${format(s.values.reduce((a, b) => a + b, 0))}`).join('; ')}.`;
  const every = Math.ceil(periods.length / 12);
  return (
    <figure className="udx-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-total={sum} data-bars={series.length * periods.length}>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={L} x2={W} y1={y(max * f)} y2={y(max * f)} className="udx-grid" />
            <text x={L - 6} y={y(max * f) + 4} textAnchor="end" className="udx-axis">{format(max * f)}</text>
          </g>
        ))}
        {periods.map((p, i) => {
          let base = 0;
          return (
            <g key={p}>
              {series.map((s, k) => {
                const v = s.values[i] ?? 0;
                if (!v) return null;
                const top = y(base + v), h = y(base) - top;
                base += v;
                return <rect key={s.name} className="udx-bar" x={L + i * bw + bw * 0.15} width={bw * 0.7} y={top} height={Math.max(h, 0.5)} fill={colour(k)}>
                  <title>{`${labels[i]} · ${s.name}: ${format(v)}`}</title>
                </rect>;
              })}
              {i % every === 0 && <text x={L + i * bw + bw / 2} y={H - B + 16} textAnchor="middle" className="udx-axis">{labels[i]}</text>}
            </g>
          );
        })}
        <line x1={L} x2={W} y1={H - B} y2={H - B} className="udx-baseline" />
      </svg>
      <figcaption>{title}</figcaption>
      <Legend names={series.map((s) => s.name)} />
    </figure>
  );
}

/** Per application: distinct PwDs accessed against PwDs reported as benefited (the coverage of §8). */
export function CoverageBars({ testId, rows }) {
  const W = 640, rowH = 40, L = 210, top = 6;
  const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const H = top + rows.length * rowH + 6;
  const max = niceMax(Math.max(1, ...rows.flatMap((r) => [r.distinctPwdsAccessed, r.pwdsReportedBenefited])));
  const x = (v) => ((W - L - 70) * v) / max;
  const summary = `Coverage per application: ${rows.map((r) => `${r.applicationName} accessed ${r.distinctPwdsAccessed}, reported ${r.pwdsReportedBenefited}`).join('; ')}.`;
  return (
    <figure className="udx-chart" data-testid={testId}>
      <svg viewBox={`0 0 ${W} ${Math.max(H, 40)}`} role="img" aria-label={summary} data-bars={rows.length * 2}
        data-total={rows.reduce((s, r) => s + r.distinctPwdsAccessed + r.pwdsReportedBenefited, 0)}>
        {rows.map((r, i) => {
          const y0 = top + i * rowH;
          return (
            <g key={r.applicationId}>
              <text x={L - 8} y={y0 + 14} textAnchor="end" className="udx-axis udx-strong-text">{cut(r.applicationName, 32)}</text>
              <text x={L - 8} y={y0 + 28} textAnchor="end" className="udx-axis">{cut(r.organizationName, 34)}</text>
              <rect className="udx-bar" x={L} y={y0 + 3} height={12} width={Math.max(x(r.distinctPwdsAccessed), 0.5)} fill={colour(0)}><title>{`${r.applicationName}: ${r.distinctPwdsAccessed} PwDs accessed`}</title></rect>
              <rect className="udx-bar" x={L} y={y0 + 16} height={12} width={Math.max(x(r.pwdsReportedBenefited), 0.5)} fill={colour(1)}><title>{`${r.applicationName}: ${r.pwdsReportedBenefited} PwDs reported benefited`}</title></rect>
              <text x={L + Math.max(x(r.distinctPwdsAccessed), x(r.pwdsReportedBenefited)) + 6} y={y0 + 20} className="udx-axis">
                {r.coverageRatio == null ? 'nothing accessed' : `${(r.coverageRatio * 100).toFixed(0)} %`}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>Distinct PwDs accessed vs. PwDs reported as benefited, per application</figcaption>
      <Legend names={['PwDs accessed', 'PwDs reported benefited']} />
    </figure>
  );
}
