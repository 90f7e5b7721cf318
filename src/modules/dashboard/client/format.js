// Amounts in rupees (the API counts paise) and times in India Standard Time, whatever the browser's zone.
const IST = 'Asia/Kolkata';
const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 2 });
const rupeesShort = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', notation: 'compact', maximumFractionDigits: 1 });
const count = new Intl.NumberFormat('en-IN');
const dateTime = new Intl.DateTimeFormat('en-IN', { timeZone: IST, day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
const monthName = new Intl.DateTimeFormat('en-IN', { timeZone: 'UTC', month: 'short', year: 'numeric' });
const dayName = new Intl.DateTimeFormat('en-IN', { timeZone: 'UTC', day: '2-digit', month: 'short' });

export const inr = (paise) => (paise == null ? '—' : rupees.format(paise / 100));
export const inrShort = (paise) => rupeesShort.format(paise / 100);
/** Rupees as a number with two decimals (for spreadsheets). */
export const paiseToRupees = (paise) => (paise == null ? null : Math.round(paise) / 100);
export const num = (n) => (n == null ? '—' : count.format(n));
export const pct = (r) => (r == null ? '—' : `${(r * 100).toFixed(1)} %`);
/** An instant as IST wall time, e.g. "03 Dec 2026, 15:04 IST". */
export const ist = (iso) => (iso ? `${dateTime.format(new Date(iso))} IST` : '—');
/** The IST calendar day 'YYYY-MM-DD' of an instant. */
export const istDay = (iso) => new Date(Date.parse(iso) + 5.5 * 3600_000).toISOString().slice(0, 10);
/** Today in IST, and n days from it. */
export const istToday = (n = 0) => new Date(Date.now() + 5.5 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
/** A period's label: "Mar 2026" for a month, "02 Mar" (its Monday) for a week. */
export const periodLabel = (start, period) => (period === 'MONTH' ? monthName : dayName).format(new Date(`${start}T00:00:00Z`));
/** The period (first day) an IST day falls in. */
export function periodOf(day, period) {
  if (period === 'MONTH') return `${day.slice(0, 7)}-01`;
  const t = Date.parse(`${day}T00:00:00Z`);
  return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}
export const humanKind = (k) => k.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
