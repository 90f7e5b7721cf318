import { ensureExplorerBundle, BUNDLE_DIR } from '../modules/explorer/explorer.bundle';

/** `npm run build` step: bundles the staff pages (GraphiQL explorer, dashboard) into dist/graphiql/ so `npm start` serves them at once. */
ensureExplorerBundle().then(
  (built) => process.stdout.write(built ? `Explorer and dashboard bundled into ${BUNDLE_DIR}\n` : `Explorer and dashboard bundles in ${BUNDLE_DIR} are current\n`),
  (err) => { process.stderr.write(`Bundling the explorer and dashboard failed: ${err instanceof Error ? err.message : String(err)}\n`); process.exit(1); },
);
