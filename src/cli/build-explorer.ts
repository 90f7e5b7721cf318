import { ensureExplorerBundle, BUNDLE_DIR } from '../modules/explorer/explorer.bundle';

/** `npm run build` step: bundles the GraphiQL explorer into dist/graphiql/ so `npm start` serves it at once. */
ensureExplorerBundle().then(
  (built) => process.stdout.write(built ? `GraphiQL explorer bundled into ${BUNDLE_DIR}\n` : `GraphiQL explorer bundle in ${BUNDLE_DIR} is current\n`),
  (err) => { process.stderr.write(`Bundling the GraphiQL explorer failed: ${err instanceof Error ? err.message : String(err)}\n`); process.exit(1); },
);
