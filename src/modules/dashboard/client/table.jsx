import { Fragment, useState } from 'react';
import { download, tableRows, toCsv, toXlsx } from './export.js';
import { istToday } from './format.js';

/**
 * A table with CSV and XLSX downloads of the same rows. A column: { key, label, render?(row) for the
 * page, cell?(row) for the files (numbers stay numbers), numeric? }.
 */
export function DataTable({ id, caption, columns, exportColumns = columns, rows, empty = 'Nothing to show.', rowKey = (r) => r.id, extra }) {
  const [busy, setBusy] = useState(false);
  const base = `${id}-${istToday()}`;
  const csv = () => download(`${base}.csv`, new Blob([toCsv(tableRows(exportColumns, rows))], { type: 'text/csv;charset=utf-8' }));
  const xlsx = async () => {
    setBusy(true);
    try { download(`${base}.xlsx`, await toXlsx(tableRows(exportColumns, rows), caption)); } finally { setBusy(false); }
  };
  return (
    <div className="udx-table-wrap">
      <div className="udx-table-tools">
        <button type="button" className="udx-button" data-testid={`${id}-csv`} onClick={csv} disabled={!rows.length}>Download CSV</button>
        <button type="button" className="udx-button" data-testid={`${id}-xlsx`} onClick={xlsx} disabled={!rows.length || busy}>Download XLSX</button>
      </div>
      <div className="udx-scroll" tabIndex={0} role="region" aria-label={caption}>
        <table className="udx-table" data-testid={`${id}-table`}>
          <caption>{caption}</caption>
          <thead><tr>{columns.map((c) => <th key={c.key} scope="col" className={c.numeric ? 'udx-num' : undefined}>{c.label}</th>)}</tr></thead>
          <tbody>
            {rows.length === 0 && <tr><td colSpan={columns.length}>{empty}</td></tr>}
            {rows.map((r) => (
              <Fragment key={rowKey(r)}>
                <tr data-row={rowKey(r)}>
                  {columns.map((c) => <td key={c.key} className={c.numeric ? 'udx-num' : undefined}>{c.render ? c.render(r) : (r[c.key] ?? '—')}</td>)}
                </tr>
                {extra?.(r)}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
