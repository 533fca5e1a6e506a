/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180); a leading =, +, - or @ is neutralised for spreadsheets. */
export function csvField(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
