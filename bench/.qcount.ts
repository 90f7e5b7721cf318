import { startTarget } from './lib/target';
import { execSync } from 'node:child_process';
const Q = `query Lookup($udid: UDID!) { pwd(udid: $udid) { udid cardStatus name nameRegional guardianName gender dateOfBirth disabilities disabilityPercentage certificateType certificateNumber certificateIssuedOn validUntil issuingAuthority } }`;
const stat = () => Object.fromEntries(execSync(`mysql -uroot -N -e "SHOW GLOBAL STATUS WHERE Variable_name IN ('Questions','Com_select','Com_insert','Com_update','Com_begin','Com_commit','Com_stmt_execute')"`).toString().trim().split('\n').map((l) => l.split('\t')).map(([k, v]) => [k, Number(v)]));
(async () => {
  const t = await startTarget({ records: 1000000, database: process.env.BENCH_DATABASE_URL });
  for (let i = 0; i < 20; i++) await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` }, body: JSON.stringify({ query: Q, variables: { udid: t.udids[i] } }) });
  await new Promise((r) => setTimeout(r, 1500));
  const a = stat();
  for (let i = 0; i < 200; i++) await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${t.token}` }, body: JSON.stringify({ query: Q, variables: { udid: t.udids[100 + i] } }) });
  await new Promise((r) => setTimeout(r, 1500));
  const b = stat();
  for (const k of Object.keys(a)) console.log(k, ((b[k] - a[k]) / 200).toFixed(2), 'per request');
  await t.stop();
})();
