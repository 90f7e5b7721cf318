// Reads demo credentials, gets a token and runs one query: what the README tells a newcomer to do.
const [, , credsFile, base] = process.argv;
const creds = require(require('path').resolve(credsFile));
(async () => {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  const basic = Buffer.from(`${creds.partner.clientId}:${creds.partner.clientSecret}`).toString('base64');
  const t = await fetch(`${base}/oauth/token`, { method: 'POST', body: form, headers: { authorization: `Basic ${basic}` } });
  const { access_token } = await t.json();
  const r = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${access_token}` },
    body: JSON.stringify({ query: '{ pwds(filter: {}, first: 3) { edges { node { udid name } } } }' }),
  });
  const body = await r.json();
  const n = body?.data?.pwds?.edges?.length;
  console.log(JSON.stringify(body));
  if (r.status !== 200 || n !== 3) process.exit(1);
})().catch((e) => { console.error(e); process.exit(1); });
