import { BenchOptions, machine, Scenario, writeSection } from './lib/bench';
import { authzScenario } from './authz';
import { lookupScenario } from './lookup';
import { accesslogScenario } from './accesslog';
import { ingestScenario } from './ingest';
import { pageScenario } from './page';
import { scaleScenario } from './scale';
import { memoryScenario } from './memory';
import { analysisScenario } from './analysis';
import { executorScenario } from './executor';

/**
 * `npm run bench [-- --smoke] [--scenario a,b]`. The registry of load scenarios: add yours here.
 * Figures are only compared within one run (ratios against a baseline measured alongside).
 */
export const SCENARIOS: Record<string, Scenario> = {
  authz: authzScenario,
  lookup: lookupScenario,
  accesslog: accesslogScenario,
  ingest: ingestScenario,
  page: pageScenario,
  scale: scaleScenario,
  memory: memoryScenario,
  analysis: analysisScenario,
  executor: executorScenario,
};

async function main() {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const i = args.findIndex((a) => a === '--scenario' || a.startsWith('--scenario='));
  const picked = i < 0 ? Object.keys(SCENARIOS) : (args[i].includes('=') ? args[i].split('=')[1] : args[i + 1] ?? '').split(',').filter(Boolean);
  const unknown = picked.filter((s) => !SCENARIOS[s]);
  if (!picked.length || unknown.length) {
    console.error(`Unknown scenario ${unknown.join(', ') || '(none given)'}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    process.exit(2);
  }
  const opts: BenchOptions = { smoke, log: (line) => console.log(line) };
  console.log(`Machine: ${machine()}${smoke ? ' (smoke run)' : ''}`);
  for (const name of picked) {
    const section = await SCENARIOS[name].run(opts);
    // One section per scenario and database, so a MariaDB run and a SQLite run on the same day both stay.
    const file = writeSection(`${name}@${process.env.BENCH_DATABASE_URL ? 'mariadb' : 'sqlite'}`, section, smoke);
    console.log(`\n${section}\n\n→ ${file}`);
  }
}

if (require.main === module) main().catch((err) => { console.error(err); process.exit(1); });
