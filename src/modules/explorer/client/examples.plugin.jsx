import { useEditorContext, useExecutionContext } from '@graphiql/react';

export function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 5h16M4 12h16M4 19h10" strokeLinecap="round" />
    </svg>
  );
}

/** The saved operations of schema/examples/*.graphql; a click opens one in a new tab, ready to run. */
export function ExamplesPanel({ examples, error }) {
  const editor = useEditorContext({ nonNull: true });
  const execution = useExecutionContext();

  function open(ex) {
    editor.addTab();
    // addTab fills the editors from its new tab; ours go in once that has happened.
    setTimeout(() => {
      editor.queryEditor?.setValue(ex.query);
      editor.variableEditor?.setValue(ex.variables || '');
    }, 0);
  }

  if (error) return <p className="udx-error" role="alert">Examples could not be loaded: {error}</p>;
  if (!examples) return <p>Loading examples…</p>;
  return (
    <div className="udx-examples">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p className="udx-hint">Saved questions. Click one to open it in a new tab, then press ▶ (Ctrl-Enter).</p>
      <ul>
        {examples.map((ex) => (
          <li key={ex.name} className={ex.available ? '' : 'udx-unavailable'}>
            <button type="button" className="udx-example" data-example={ex.name} onClick={() => open(ex)}
              title={ex.available ? ex.title : ex.unavailableReason}
              disabled={execution?.isFetching}>
              <span className="udx-example-title">{ex.title}</span>
              <span className="udx-example-meta">runs as {ex.runsAs}{ex.available ? '' : ' · not on this server yet'}</span>
            </button>
            {ex.description && <p className="udx-example-desc">{ex.description}</p>}
          </li>
        ))}
      </ul>
    </div>
  );
}
