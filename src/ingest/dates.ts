/** The calendar date (YYYY-MM-DD) an ISO-like timestamp or date string names, as written, or null. */
export function isoDate(value: string): string | null {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) return validDate(+m[1]!, +m[2]!, +m[3]!);
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed) || !/\d{4}/.test(value)) return null;
  const d = new Date(parsed);
  return validDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}
