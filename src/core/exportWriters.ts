/**
 * The text of a personal export, as JSON or CSV (docs/export-format.md).
 * Every writer validates the export first and runs the PHI guard on the
 * finished text last: if either refuses, no text comes out, so nothing can
 * be written or downloaded.
 */
import { csvCell } from './csvCell.js';
import type { PersonalExport } from './exportFormat.js';
import { MEASURE_FIELDS } from './exportSchema.js';
import { validatePersonalExport } from './exportValidation.js';
import { personalExportFileName } from './personalExport.js';
import { ExportRefusedError, assertExportClean, type IdentifierFinding } from './phiGuard.js';

export type ExportTextFormat = 'json' | 'csv';

/** The label every CSV carries in its first data row (the JSON is labelled by its format name and docs). */
export const PERSONAL_DATA_NOTICE =
  'Personal data about the clinician who made this export: their own time in clinical systems, aggregated. No patient data. Share it only as they choose.';

export const CSV_HEADER = ['kind', 'period', 'category', 'systemId', 'measure', 'value'] as const;

function checked(exp: unknown): PersonalExport {
  const result = validatePersonalExport(exp);
  if (!result.ok) throw new ExportRefusedError(['The export is not valid:', ...result.errors]);
  return result.value;
}

/**
 * The export as JSON: two-space indent, fields in canonical order, "\n" at
 * the end, no BOM. Throws ExportRefusedError (and returns no text) when the
 * export is invalid or the PHI guard finds an identifier.
 */
export function personalExportToJson(exp: PersonalExport): string {
  const text = `${JSON.stringify(checked(exp), null, 2)}\n`;
  assertExportClean(text);
  return text;
}

function csvLine(cells: ReadonlyArray<string | number | boolean | null>): string {
  return cells.map(csvCell).join(',');
}

/**
 * The export as CSV, long format: one value per line under the header
 * kind,period,category,systemId,measure,value. `meta` lines carry the
 * notice and the top-level fields (measure = the JSON path), `hours` lines
 * the rows (measure = "hours"), `measure` lines each period's measures
 * (measure = the JSON field name; null is an empty cell). UTF-8 with a BOM,
 * CRLF after every line. Throws ExportRefusedError (and returns no text)
 * when the export is invalid or the PHI guard finds an identifier.
 */
export function personalExportToCsv(exp: PersonalExport): string {
  const e = checked(exp);
  const lines: string[] = [csvLine(CSV_HEADER)];
  const meta = (name: string, value: string | number | boolean | null) => lines.push(csvLine(['meta', '', '', '', name, value]));
  meta('notice', PERSONAL_DATA_NOTICE);
  meta('format', e.format);
  meta('schemaVersion', e.schemaVersion);
  meta('extensionVersion', e.extensionVersion);
  meta('contributorId', e.contributorId);
  meta('teamCode', e.teamCode);
  meta('role', e.role);
  meta('period.from', e.period.from);
  meta('period.to', e.period.to);
  meta('period.granularity', e.period.granularity);
  meta('definition.inactivityThresholdSec', e.definition.inactivityThresholdSec);
  meta('definition.readingAllowanceSec', e.definition.readingAllowanceSec);
  meta('includesSystems', e.includesSystems);
  for (const r of e.rows) lines.push(csvLine(['hours', r.period, r.category, r.systemId ?? '', 'hours', r.hours]));
  for (const m of e.measures) for (const field of MEASURE_FIELDS) if (field !== 'period') lines.push(csvLine(['measure', m.period, '', '', field, m[field]]));
  const text = `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`;
  assertExportClean(text);
  return text;
}

export type ExportTextResult =
  | { ok: true; text: string; fileName: string; mimeType: string }
  | { ok: false; errors: string[]; findings: IdentifierFinding[] };

/**
 * What a download or save button calls: the text, a file name and a MIME
 * type, or the reasons it was refused (nothing to write). Never throws.
 */
export function renderPersonalExport(exp: PersonalExport, format: ExportTextFormat): ExportTextResult {
  try {
    const text = format === 'csv' ? personalExportToCsv(exp) : personalExportToJson(exp);
    return { ok: true, text, fileName: personalExportFileName(exp, format), mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json' };
  } catch (e) {
    if (e instanceof ExportRefusedError) return { ok: false, errors: [e.message], findings: e.findings };
    return { ok: false, errors: [`Timeback did not create the export: ${e instanceof Error ? e.message : String(e)}`], findings: [] };
  }
}
