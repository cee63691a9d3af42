/**
 * One CSV cell (RFC 4180), shared by the personal export and the team report:
 * a cell that a spreadsheet would run as a formula (starting with = + - @, a
 * tab or a carriage return) gets a leading single quote; then a cell with a
 * comma, double quote, CR or LF is quoted, its quotes doubled.
 */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
