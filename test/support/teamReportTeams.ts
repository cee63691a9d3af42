/** Test helpers shared by the team report's tests: contributor files from export specs, and readers for the CSV and HTML outputs. */
import { expect } from 'vitest';
import { makeExport, type ExportSpec } from './teamExports.js';
import type { TeamReportInput } from '../../src/core/teamReport/index.js';

export function file(name: string, value: unknown): TeamReportInput {
  return { name, text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) };
}

export function team(specs: ExportSpec[]): TeamReportInput[] {
  return specs.map((s) => file(`contributor-${s.seed}.json`, makeExport(s)));
}

export const seeds = (n: number, from = 1): number[] => Array.from({ length: n }, (_, i) => from + i);

// --- helpers to read the outputs back -------------------------------------

/** RFC 4180 parser for the tests (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const body = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

/** Rows of an HTML table by id: [row header text, ...cell texts]. */
export function htmlTable(html: string, id: string): string[][] {
  const m = new RegExp(`<table id="${id}">([\\s\\S]*?)</table>`).exec(html);
  if (!m) return [];
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(m[1]!)![1]!;
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/<[^>]+>/g, '').trim()),
  );
}
