import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPage, type ClassificationRule, type PageFacts } from '../../src/core/classificationRules.js';
import { DEMO_RULES, effectiveRules, GENERIC_RULES } from '../../src/core/presets.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings.js';
import type { TaskCategory } from '../../src/core/taskCategory.js';
import { canaryUrl } from '../fixtures/demo/canary.mjs';
import { DEMO_RULES as DEMO_RULES_MJS, demoSystem } from '../fixtures/demo/preset.mjs';
import { startDemoServer, type DemoServer } from '../fixtures/demo/server.mjs';

/*
 * Saved demo pages (test/fixtures/demo-html, written by
 * scripts/save-demo-html.mjs) parsed with happy-dom, classified by the demo
 * and generic presets exactly as the content script does: the path, the
 * title and querySelector on the parsed document.
 */
const dir = path.resolve(import.meta.dirname, '../fixtures/demo-html');
const pages = JSON.parse(readFileSync(path.join(dir, 'pages.json'), 'utf8')) as Array<{ file: string; pathname: string }>;

// Parse only: no stylesheet or script is fetched or run.
const window = new Window({ settings: { disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true, disableJavaScriptEvaluation: true } });
const parse = (html: string) => new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;

function load(file: string): Document {
  return parse(readFileSync(path.join(dir, file), 'utf8'));
}

function facts(doc: Document, pathname: string): PageFacts {
  return { pathname, title: doc.title, hasElement: (selector) => doc.querySelector(selector) !== null };
}

const pathnameOf = (file: string) => pages.find((p) => p.file === file)!.pathname;
const classify = (rules: readonly ClassificationRule[], file: string, pathname = pathnameOf(file)) => classifyPage(rules, facts(load(file), pathname));

/** Index of the generic rule with this path (or selector), so the table names rules, not numbers. */
function generic(condition: string): number {
  const i = GENERIC_RULES.findIndex((r) => r.path === condition || r.selector === condition);
  if (i < 0) throw new Error(`no generic rule ${condition}`);
  return i;
}

const demo = (condition: string): number => {
  const i = DEMO_RULES.findIndex((r) => r.path === condition || r.selector === condition || r.title === condition);
  if (i < 0) throw new Error(`no demo rule ${condition}`);
  return i;
};

// file, category, the demo rule that decides it, the generic rule that decides it
const TABLE: Array<[string, TaskCategory, number | null, number | null]> = [
  ['login.html', 'login_auth', demo('input[type=password]'), generic('input[type=password]')],
  ['home.html', 'admin_other', null, null],
  ['search.html', 'patient_search', demo('/patients/search*'), generic('*search*')],
  ['search-canary.html', 'patient_search', demo('/patients/search*'), generic('*search*')],
  ['record.html', 'chart_review', demo('* – Record – Demo EHR'), generic('*/record*')],
  ['notes.html', 'documentation', demo('/patients/*/notes*'), generic('*/note*')],
  ['results.html', 'results_review', demo('/patients/*/results*'), generic('*result*')],
  ['prescribing.html', 'orders_prescribing', demo('/patients/*/prescribing*'), generic('*prescri*')],
  ['referrals.html', 'referrals', demo('/patients/*/referrals*'), generic('*referral*')],
  ['inbox.html', 'inbox_messaging', demo('/inbox*'), generic('*inbox*')],
  ['not-found.html', 'admin_other', null, null],
];

describe('saved demo pages', () => {
  it('cover every saved page', () => {
    expect(TABLE.map(([file]) => file).sort()).toEqual(pages.map((p) => p.file).sort());
  });

  it.each(TABLE)('%s → %s by the demo rules', (file, category, demoRule) => {
    expect(classify(DEMO_RULES, file)).toEqual({ category, ruleIndex: demoRule });
  });

  it.each(TABLE)('%s → %s by the generic rules', (file, category, _demoRule, genericRule) => {
    expect(classify(GENERIC_RULES, file)).toEqual({ category, ruleIndex: genericRule });
  });

  it.each(TABLE)('%s → %s by the demo rules with the generic rules below them', (file, category, demoRule, genericRule) => {
    const expected = demoRule ?? (genericRule === null ? null : DEMO_RULES.length + genericRule);
    expect(classify(effectiveRules(DEMO_RULES, true), file)).toEqual({ category, ruleIndex: expected });
  });

  it('the login page is login_auth by its password field alone, whatever its path', () => {
    expect(classify(DEMO_RULES, 'login.html', '/portal/start')).toEqual({ category: 'login_auth', ruleIndex: demo('input[type=password]') });
    expect(classify(GENERIC_RULES, 'login.html', '/portal/start')).toEqual({ category: 'login_auth', ruleIndex: generic('input[type=password]') });
  });

  it('a patient page no path rule names is chart review by its patient banner', () => {
    expect(classify(DEMO_RULES, 'notes.html', '/patients/p-canary/letters')).toEqual({ category: 'chart_review', ruleIndex: demo('#patient-banner') });
    // Without the banner (the inbox page's DOM) the same path matches nothing.
    expect(classify(DEMO_RULES, 'inbox.html', '/patients/p-canary/letters')).toEqual({ category: 'admin_other', ruleIndex: null });
  });
});

describe('demo preset', () => {
  it('preset.mjs mirrors DEMO_RULES in src/core/presets.ts', () => {
    expect(DEMO_RULES_MJS).toEqual(DEMO_RULES);
  });

  it('is a valid clinical system in valid settings, generic rules off', () => {
    const system = demoSystem('http://127.0.0.1:43210');
    expect(system).toEqual({ id: 'demo-ehr', name: 'Demo EHR', matches: ['http://127.0.0.1/*'], rules: DEMO_RULES, useGenericRules: false, signInPatterns: [] });
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, systems: [system] });
    expect(parsed).toEqual({ ok: true, settings: expect.objectContaining({ systems: [system] }) });
  });
});

describe('saved pages match the demo server', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer({ port: 0 });
  });
  afterAll(async () => {
    await server.close();
    await window.happyDOM.close();
  });

  const shape = (doc: Document) => ({ title: doc.title, ids: [...doc.querySelectorAll('[id]')].map((e) => e.id) });
  // Node's HTTP client: happy-dom's fetch would apply a browser's same-origin policy.
  const getText = (url: string) =>
    new Promise<string>((resolve, reject) => {
      http
        .get(url, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve(body));
        })
        .on('error', reject);
    });

  it.each(pages.map((p) => [p.file, p.pathname]))('%s has the live page\'s title and element ids (else run scripts/save-demo-html.mjs)', async (file) => {
    const saved = load(file);
    const pathname = pathnameOf(file);
    const url = pathname.startsWith('/patients/p-canary/')
      ? canaryUrl(server.url, pathname.split('/').pop() as 'notes')
      : file === 'search-canary.html'
        ? canaryUrl(server.url, 'search')
        : `${server.url}${pathname}`;
    const live = parse(await getText(url));
    expect(shape(live)).toEqual(shape(saved));
  });
});
