import { describe, expect, it } from 'vitest';
import { buildTeamReport, csvCell as csvField, escapeHtml, teamReportToCsv, teamReportToHtml, teamReportToJson } from './index.js';
import { EN_GB } from '../../../test/support/reportMessages.js';
import { htmlTable, parseCsv, seeds, team } from '../../../test/support/teamReportTeams.js';

describe('outputs', () => {
  const r = buildTeamReport(team(seeds(12).map((i) => ({ seed: i, categoryHours: i <= 2 ? { referrals: 1 } : {} }))));

  it('CSV: RFC 4180 with a BOM and CRLF; formula-like cells neutralised; suppressed cells as *', () => {
    const csv = teamReportToCsv(r, EN_GB);
    expect(csv.startsWith('\uFEFFsection,item,statistic,value,unit\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = parseCsv(csv);
    expect(rows.every((row) => row.length === 5)).toBe(true);
    expect(rows).toContainEqual(['category', 'referrals', 'median', '*', 'hours per contributor']);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+44')).toBe("'+44");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('*')).toBe('*');
    expect(csvField(null)).toBe('');
  });

  it('HTML: one self-contained page, English, accessible tables, no scripts or external resources', () => {
    const html = teamReportToHtml(r, EN_GB);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\ssrc=|\shref=|url\(|@import|https?:|\son[a-z]+=/i);
    const tables = html.match(/<table\b/g)!.length;
    expect(html.match(/<caption>/g)!.length).toBe(tables);
    expect(html).toContain('<th scope="col"');
    expect(html).toContain('<th scope="row"');
    expect(html.match(/<svg /g)!.length).toBe(2);
    expect(html).toContain('role="img"');
    expect(html).toContain('@media print');
    expect(html).toContain('4 May 2026 to 31 May 2026');
    expect(htmlTable(html, 't-categories').find((row) => row[0] === 'Referrals')).toEqual(['Referrals', '*', '*', '*', '*', '*']);
    for (const name of r.accepted) expect(html).not.toContain(name);
  });

  it('escapes text', () => {
    expect(escapeHtml(`<script>alert('x')</script> & "q"`)).toBe('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;');
  });

  it('JSON carries no file names and no per-contributor rows', () => {
    const json = teamReportToJson(r, EN_GB);
    for (const name of r.accepted) expect(json).not.toContain(name);
    expect(json).not.toMatch(/c-[0-9a-f]{32}/);
    expect(json.endsWith('}\n')).toBe(true);
  });

  it('an empty report renders without figures', () => {
    const empty = buildTeamReport([]);
    expect(JSON.parse(teamReportToJson(empty, EN_GB)).contributors).toBe(0);
    expect(teamReportToHtml(empty, EN_GB)).toContain('No file could be merged');
    expect(parseCsv(teamReportToCsv(empty, EN_GB)).length).toBeGreaterThan(10);
  });
});
