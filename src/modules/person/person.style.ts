import { createHash } from 'node:crypto';

/**
 * The one stylesheet of /me/record (served from /me/assets, the CSP's only style source). Text and
 * controls meet WCAG AA contrast (body #1b1b1b on #fff, links and buttons #0b4a8f: 9:1; white on
 * #0b4a8f: 9:1); focus is always visible; nothing depends on colour alone.
 */
export const PERSON_CSS = `
*{box-sizing:border-box}
html{font-size:100%}
body{margin:0;font-family:system-ui,"Lohit Devanagari","Noto Sans Devanagari","DejaVu Sans",sans-serif;line-height:1.5;color:#1b1b1b;background:#fff}
header{background:#0b4a8f;color:#fff;padding:.75rem 1.25rem;display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem}
header h1{font-size:1.35rem;margin:0}
header nav a{color:#fff;margin-left:.75rem;text-decoration:underline;font-weight:600}
header nav a[aria-current]{text-decoration:none;border-bottom:3px solid #ffd166}
main{max-width:72rem;margin:0 auto;padding:1rem 1.25rem 3rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem;border-bottom:2px solid #d0d7de;padding-bottom:.25rem}
p{max-width:48rem}
form.stack{max-width:28rem;display:flex;flex-direction:column;gap:.35rem}
label{font-weight:600}
.hint{font-size:.9rem;color:#3d3d3d;margin:0 0 .5rem}
input[type=text],input[type=date]{font:inherit;padding:.5rem .6rem;border:2px solid #555;border-radius:4px;width:100%}
button{font:inherit;font-weight:600;padding:.5rem 1rem;border:2px solid #0b4a8f;border-radius:4px;background:#0b4a8f;color:#fff;cursor:pointer;margin-top:.5rem;align-self:flex-start}
button.secondary{background:#fff;color:#0b4a8f}
button.danger{background:#a4161a;border-color:#a4161a;margin:0}
a{color:#0b4a8f}
:focus-visible{outline:3px solid #b35900;outline-offset:2px}
.notice{border-left:6px solid #0b4a8f;background:#eef4fb;padding:.6rem .9rem;max-width:48rem}
.error{border-left:6px solid #a4161a;background:#fdecec;padding:.6rem .9rem;max-width:48rem}
.error small{display:block;color:#3d3d3d}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #b7bec6;padding:.4rem .55rem;text-align:left;vertical-align:top}
th{background:#f1f3f5}
td.when,td.num{white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.signed{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between}
.signed form{margin:0}
.status-LIVE{font-weight:700}
.consent-id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.85rem;word-break:break-all}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){th,td{padding:.3rem}}
`;

/** Changes with the stylesheet: its URL's ?v=, so a browser may keep it for ever. */
export const PERSON_CSS_VERSION = createHash('sha256').update(PERSON_CSS).digest('hex').slice(0, 12);
