// Scans the logs of a full test run (TEST_LOG_FILE) for personal data and secrets: the names, mobiles and
// emails of the first synthetic records every test seeds, and anything shaped like a token or a password.
require('ts-node').register({ transpileOnly: true });
require('reflect-metadata');
const { readFileSync } = require('fs');
const { PwdGenerator } = require('../src/modules/pwd/pwd.generator');

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const lines = text.split('\n').filter(Boolean);
if (lines.length < 50) { console.error(`only ${lines.length} log lines in ${file}: was TEST_LOG_FILE honoured?`); process.exit(1); }
const gen = new PwdGenerator();
const needles = new Set();
for (let i = 0; i < 500; i++) {
  const r = gen.next();
  needles.add(r.name); needles.add(r.mobile); needles.add(r.guardianName); if (r.email) needles.add(r.email); needles.add(r.address);
}
const patterns = [
  [/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./, 'a JWT'],
  [/"(password|clientSecret|client_secret|secret|access_token)"\s*:\s*"(?!\[redacted\])/i, 'a secret field'],
  [/scrypt\$\d+\$/, 'a password hash'],
];
const found = [];
lines.forEach((line, n) => {
  for (const needle of needles) if (line.includes(needle)) found.push(`line ${n + 1}: personal data (${needle.length} chars) present`);
  for (const [re, what] of patterns) if (re.test(line)) found.push(`line ${n + 1}: ${what}`);
});
if (found.length) { console.error(found.slice(0, 20).join('\n')); console.error(`${found.length} findings in ${lines.length} log lines`); process.exit(1); }
console.log(`${lines.length} log lines checked: no personal data or secrets`);
