import { useEffect, useState } from 'react';
import { Q } from './api.js';
import { DataTable } from './table.jsx';
import { humanKind, ist } from './format.js';

export const KINDS = ['UNKNOWN_UDID_RATIO', 'SEQUENTIAL_UDIDS', 'DISTINCT_RATE_SPIKE', 'VERIFY_BRUTE_FORCE', 'EXISTENCE_PROBING', 'PURPOSE_LOAD_EXCEEDED'];
const STATUSES = ['OPEN', 'ACKNOWLEDGED', 'RESOLVED'];

const evidenceText = (e) => Object.entries(e).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => `${k}: ${v}`).join('; ');

const COLUMNS = [
  { key: 'id', label: 'Alert', numeric: true, cell: (a) => Number(a.id) },
  { key: 'raisedAt', label: 'Raised (IST)', render: (a) => ist(a.raisedAt), cell: (a) => ist(a.raisedAt) },
  { key: 'applicationName', label: 'Application' },
  { key: 'kind', label: 'Kind', render: (a) => humanKind(a.kind) },
  { key: 'status', label: 'Status' },
  { key: 'autoSuspended', label: 'Sharing suspended', render: (a) => (a.autoSuspended ? 'Yes' : 'No'), cell: (a) => (a.autoSuspended ? 'Yes' : 'No') },
  { key: 'evidence', label: 'Evidence', cell: (a) => evidenceText(a.evidence) },
  { key: 'resolution', label: 'Resolution' },
];

/**
 * The alert triage table: filter by status and kind, open an alert's evidence, and — for DEPwD admins
 * only, as the API allows (DESIGN.md §3) — acknowledge or resolve it with a reason that is audited.
 */
export function AlertTriage({ gql, canAct, onChanged, onError }) {
  const [status, setStatus] = useState('OPEN');
  const [kind, setKind] = useState('');
  const [alerts, setAlerts] = useState(null);
  const [open, setOpen] = useState(null);
  const [acting, setActing] = useState(null); // { id, action }
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState(null);

  const load = () => gql(Q.alerts, { status: status || null, kind: kind || null, first: 100 })
    .then((d) => setAlerts(d.scrapingAlerts.edges.map((e) => e.node)), onError);
  useEffect(() => { setAlerts(null); load(); }, [status, kind]);

  async function act(e) {
    e.preventDefault();
    const text = reason.trim();
    try {
      if (acting.action === 'acknowledge') await gql(Q.acknowledge, { id: acting.id, note: text });
      else await gql(Q.resolve, { id: acting.id, resolution: text });
      setNotice(`Alert ${acting.id} ${acting.action === 'acknowledge' ? 'acknowledged' : 'resolved'}.`);
      setActing(null); setReason('');
      await load();
      onChanged?.();
    } catch (err) { setNotice(err.message); }
  }

  const columns = [...COLUMNS.map((c) => (c.key === 'evidence' ? { ...c, render: (a) => (
    <button type="button" className="udx-link" aria-expanded={open === a.id} aria-controls={`evidence-${a.id}`} data-testid={`evidence-${a.id}`}
      onClick={() => setOpen(open === a.id ? null : a.id)}>{open === a.id ? 'Hide evidence' : 'Show evidence'}</button>
  ) } : c)), ...(canAct ? [{ key: 'actions', label: 'Actions', cell: () => null, render: (a) => (
    <span className="udx-actions">
      {a.status === 'OPEN' && <button type="button" className="udx-button" data-testid={`ack-${a.id}`} onClick={() => { setActing({ id: a.id, action: 'acknowledge' }); setReason(''); }}>Acknowledge</button>}
      {a.status !== 'RESOLVED' && <button type="button" className="udx-button" data-testid={`resolve-${a.id}`} onClick={() => { setActing({ id: a.id, action: 'resolve' }); setReason(''); }}>Resolve</button>}
    </span>
  ) }] : [])];
  // The export leaves the actions column out.
  const exportColumns = columns.filter((c) => c.key !== 'actions');

  const extra = (a) => (
    <>
      {open === a.id && (
        <tr className="udx-detail"><td colSpan={columns.length} id={`evidence-${a.id}`}>
          <dl className="udx-evidence" data-testid={`evidence-detail-${a.id}`}>
            {Object.entries(a.evidence).filter(([, v]) => v !== null).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{String(v)}</dd></div>)}
            <div><dt>window (IST)</dt><dd>{ist(a.windowStart)} – {ist(a.windowEnd)}</dd></div>
            {a.acknowledgedAt && <div><dt>acknowledged</dt><dd>{ist(a.acknowledgedAt)} by staff user {a.acknowledgedBy}</dd></div>}
            {a.resolvedAt && <div><dt>resolved</dt><dd>{ist(a.resolvedAt)} by staff user {a.resolvedBy}</dd></div>}
          </dl>
        </td></tr>
      )}
      {acting?.id === a.id && (
        <tr className="udx-detail"><td colSpan={columns.length}>
          <form className="udx-act" onSubmit={act} data-testid={`act-form-${a.id}`}>
            <label htmlFor={`reason-${a.id}`}>{acting.action === 'acknowledge' ? 'Why are you taking this alert up? (kept in the audit trail)' : 'What was found and done? (kept in the audit trail)'}</label>
            <textarea id={`reason-${a.id}`} required minLength={3} maxLength={500} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            <span className="udx-actions">
              <button type="submit" className="udx-button udx-strong" disabled={reason.trim().length < 3}>{acting.action === 'acknowledge' ? 'Acknowledge alert' : 'Resolve alert'}</button>
              <button type="button" className="udx-button" onClick={() => setActing(null)}>Cancel</button>
            </span>
          </form>
        </td></tr>
      )}
    </>
  );

  return (
    <section className="udx-panel udx-wide" aria-labelledby="triage-title" data-testid="alert-triage">
      <h2 id="triage-title">Alert triage</h2>
      <div className="udx-filters">
        <label>Status
          <select value={status} onChange={(e) => setStatus(e.target.value)} data-testid="triage-status">
            <option value="">All</option>{STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="triage-kind">
            <option value="">All</option>{KINDS.map((k) => <option key={k} value={k}>{humanKind(k)}</option>)}
          </select>
        </label>
        {!canAct && <p className="udx-hint">Acknowledging and resolving alerts is for DEPwD admins; analysts read.</p>}
      </div>
      {notice && <p className="udx-notice" role="status" data-testid="triage-notice">{notice}</p>}
      {alerts === null ? <p className="udx-hint">Loading alerts…</p> : (
        <DataTable id="alerts" caption="Scraping alerts" columns={columns} exportColumns={exportColumns} rows={alerts} extra={extra} empty="No alerts match these filters." />
      )}
    </section>
  );
}
