import { describe, expect, it } from 'vitest';
import {
  classifyPage,
  globMatches,
  MAX_RULES,
  parseClassificationRules,
  parseRulesFile,
  rulesFileText,
  validateClassificationRule,
  type ClassificationRule,
  type PageFacts,
} from './classificationRules.js';
import { DEMO_RULES, effectiveRules, GENERIC_PRIORITY_SHIFT, GENERIC_RULES, ruleSource } from './presets.js';

/** Page facts from a path, a title and the selectors that match an element. */
function page(pathname: string, title = '', elements: string[] = []): PageFacts & { asked: string[] } {
  const asked: string[] = [];
  return {
    pathname,
    title,
    asked,
    hasElement(selector) {
      asked.push(selector);
      return elements.includes(selector);
    },
  };
}

describe('globMatches', () => {
  it.each([
    ['/inbox', '/inbox', true],
    ['/inbox', '/inbox/3', false],
    ['/inbox*', '/inbox/3', true],
    ['/INBOX*', '/inbox', true],
    ['*/notes*', '/patients/p1/NOTES/edit', true],
    ['/patients/*/notes', '/patients/p1/notes', true],
    ['/patients/*/notes', '/patients/notes', false],
    ['*', '', true],
    ['*a*b*c', 'xxaxxbxxc', true],
    ['*a*b*c', 'xxaxxcxxb', false],
    ['a*', 'b', false],
    ['* – Record – Demo EHR', 'Alex Example (NHS 999 000 0018) – Record – Demo EHR', true],
    // A * in the text is an ordinary character; only the pattern's * is a wildcard.
    ['/a*', '/a*b', true],
    ['/a', '/*', false],
  ])('%s against %s: %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  it('stays fast on many wildcards against a long title (no regex backtracking)', () => {
    const pattern = `${'*a'.repeat(40)}*b`;
    const text = 'a'.repeat(5000);
    const started = performance.now();
    expect(globMatches(pattern, text)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('classifyPage', () => {
  const rules: ClassificationRule[] = [
    { path: '/patients/*', category: 'chart_review', priority: 0 },
    { path: '/patients/*/notes*', category: 'documentation', priority: 10 },
    { title: '*Results*', category: 'results_review', priority: 10 },
    { selector: 'input[type=password]', category: 'login_auth', priority: 100 },
    { path: '/inbox*', title: 'Inbox*', category: 'inbox_messaging', priority: 5 },
    { path: '/patients/*', category: 'referrals', priority: 0 },
  ];
  it.each([
    ['the only match', page('/patients/p1/record'), 'chart_review', 0],
    ['higher priority over list order', page('/patients/p1/notes'), 'documentation', 1],
    ['equal priorities: the earlier rule', page('/patients/p1/notes', 'Results'), 'documentation', 1],
    ['a title rule', page('/patients/p1/lab', 'Blood Results – EHR'), 'results_review', 2],
    ['a selector rule beats everything else', page('/patients/p1/notes', 'Results', ['input[type=password]']), 'login_auth', 3],
    ['all conditions must hold (title missing)', page('/inbox', 'Home'), 'admin_other', null],
    ['all conditions hold', page('/inbox/3', 'inbox (3)'), 'inbox_messaging', 4],
    ['no match: admin_other', page('/home'), 'admin_other', null],
  ])('%s', (_name, facts, category, ruleIndex) => {
    expect(classifyPage(rules, facts)).toEqual({ category, ruleIndex });
  });

  it('no rules: admin_other', () => {
    expect(classifyPage([], page('/anything'))).toEqual({ category: 'admin_other', ruleIndex: null });
  });

  it('does not query the DOM for a rule that could not win', () => {
    const facts = page('/patients/p1/notes');
    classifyPage(
      [
        { path: '/patients/*', category: 'documentation', priority: 50 },
        { selector: '#cheap-to-skip', category: 'chart_review', priority: 10 },
        { path: '/nope', selector: '#path-fails-first', category: 'chart_review', priority: 90 },
      ],
      facts,
    );
    expect(facts.asked).toEqual([]);
  });
});

describe('validateClassificationRule: bad input is refused with a clear message', () => {
  it.each([
    ['not an object', 'nope', 'must be an object'],
    ['a list', [], 'must be an object'],
    ['an empty rule', { category: 'documentation', priority: 0 }, 'has no condition'],
    ['a query in the path', { path: '/x?nhs=*', category: 'documentation', priority: 0 }, 'remove the query or fragment'],
    ['a fragment in the path', { path: '/x#notes', category: 'documentation', priority: 0 }, 'remove the query or fragment'],
    ['a whole URL as path', { path: '*://ehr.nhs.uk/notes', category: 'documentation', priority: 0 }, 'without the scheme and host'],
    ['a path not starting with / or *', { path: 'notes', category: 'documentation', priority: 0 }, 'starting with / or *'],
    ['an overlong path', { path: `/${'a'.repeat(200)}`, category: 'documentation', priority: 0 }, 'too long (201 characters; at most 200)'],
    ['an overlong title', { title: 'a'.repeat(201), category: 'documentation', priority: 0 }, 'too long'],
    ['an empty title', { title: '  ', category: 'documentation', priority: 0 }, '"title" is empty'],
    ['a title that is not text', { title: 3, category: 'documentation', priority: 0 }, '"title" must be text'],
    ['a line break in a title', { title: 'a\nb', category: 'documentation', priority: 0 }, 'line break'],
    ['an overlong selector', { selector: `#${'a'.repeat(300)}`, category: 'documentation', priority: 0 }, 'at most 300'],
    ['CSS declarations in a selector', { selector: 'body { display: none }', category: 'documentation', priority: 0 }, 'plain CSS selector'],
    ['an at-rule in a selector', { selector: '@import url(x)', category: 'documentation', priority: 0 }, 'plain CSS selector'],
    ['markup in a selector', { selector: '<script>', category: 'documentation', priority: 0 }, 'plain CSS selector'],
    ['a comment in a selector', { selector: 'div/* x */', category: 'documentation', priority: 0 }, 'plain CSS selector'],
    ['a test of a field value', { selector: 'input[value^="943"]', category: 'documentation', priority: 0 }, 'tests what an attribute says'],
    ['a test of a link address', { selector: 'a[href*=nhs]', category: 'documentation', priority: 0 }, 'tests what an attribute says'],
    ['a test of a title attribute', { selector: "[title='Canary']", category: 'documentation', priority: 0 }, 'tests what an attribute says'],
    ['an unknown category', { path: '/x', category: 'gossip', priority: 0 }, 'task categories'],
    ['no priority', { path: '/x', category: 'documentation' }, '"priority" must be a whole number from -1000 to 1000'],
    ['a fractional priority', { path: '/x', category: 'documentation', priority: 1.5 }, '"priority" must be a whole number'],
    ['a priority out of range', { path: '/x', category: 'documentation', priority: 5000 }, '"priority" must be a whole number'],
    ['an unknown field', { path: '/x', tilte: 'Notes', category: 'documentation', priority: 0 }, 'unknown field "tilte"'],
  ])('%s', (_name, rule, fragment) => {
    const errors = validateClassificationRule(rule, 'Rule 1');
    expect(errors.join('\n')).toContain(fragment);
    expect(errors.every((e) => e.startsWith('Rule 1'))).toBe(true);
  });

  it.each([
    { path: '/patients/*/notes*', category: 'documentation', priority: 0 },
    { title: '* – Notes – *', category: 'documentation', priority: -1000 },
    { selector: 'input[type=password]', category: 'login_auth', priority: 1000 },
    { selector: '#patient-banner .tabs > a[aria-current]', category: 'chart_review', priority: 3 },
    { selector: 'body[data-page="notes"]', category: 'documentation', priority: 3 },
    { path: '*', title: 'EHR*', selector: 'main', category: 'admin_other', priority: 0 },
  ])('accepts %j', (rule) => {
    expect(validateClassificationRule(rule, 'Rule 1')).toEqual([]);
  });

  it('reports every problem of a rule at once', () => {
    expect(validateClassificationRule({ path: 'x', selector: 'a{}', category: 'x', priority: 'high' }, 'R')).toHaveLength(4);
  });
});

describe('parseClassificationRules', () => {
  it('normalises: trims text and keeps only the conditions given', () => {
    expect(parseClassificationRules([{ priority: 2, category: 'documentation', path: ' /notes* ' }])).toEqual({
      ok: true,
      rules: [{ path: '/notes*', category: 'documentation', priority: 2 }],
    });
  });

  it('is all or nothing, naming each bad rule', () => {
    const r = parseClassificationRules([{ path: '/ok', category: 'documentation', priority: 0 }, { category: 'documentation', priority: 0 }, 'x']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.slice(0, 6))).toEqual(['Rule 2', 'Rule 3']);
  });

  it(`refuses more than ${MAX_RULES} rules, and a value that is not a list`, () => {
    expect(parseClassificationRules(Array.from({ length: MAX_RULES + 1 }, () => ({ path: '/x', category: 'documentation', priority: 0 })))).toEqual({
      ok: false,
      errors: [`There are ${MAX_RULES + 1} rules; at most ${MAX_RULES} are allowed.`],
    });
    expect(parseClassificationRules({})).toEqual({ ok: false, errors: ['The rules must be a list.'] });
  });
});

describe('rules files (import and export)', () => {
  it('round-trips every preset and a mixed list', () => {
    for (const rules of [GENERIC_RULES, DEMO_RULES, [{ title: 'A*', selector: '#b', category: 'referrals', priority: -3 } as ClassificationRule]]) {
      const text = rulesFileText(rules);
      expect(JSON.parse(text)).toEqual({ format: 'timeback-rules', version: 1, rules });
      expect(parseRulesFile(text)).toEqual({ ok: true, rules });
    }
  });

  it.each([
    ['text that is not JSON', '{"format": "timeback-rules",', 'not valid JSON'],
    ['a JSON list', '[]', 'not a Timeback rules file'],
    ['another format', '{"format": "other", "version": 1, "rules": []}', '"format" must be "timeback-rules"'],
    ['settings instead of rules', JSON.stringify({ version: 2, systems: [] }), '"format" must be "timeback-rules"'],
    ['a newer version', '{"format": "timeback-rules", "version": 2, "rules": []}', 'from a newer Timeback'],
    ['no version', '{"format": "timeback-rules", "rules": []}', 'no valid "version"'],
    ['rules that are not a list', '{"format": "timeback-rules", "version": 1, "rules": {}}', 'must be a list'],
    ['one bad rule among good ones', rulesFileText(DEMO_RULES).replace('"/inbox*"', '"/inbox?folder=1"'), 'Rule 10: "path" matches the path only'],
    ['an oversized file', ' '.repeat(200_001), 'too large'],
  ])('refuses %s, importing nothing', (_name, text, fragment) => {
    const r = parseRulesFile(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(fragment);
  });
});

describe('presets', () => {
  it('are valid rules', () => {
    expect(parseClassificationRules(GENERIC_RULES)).toEqual({ ok: true, rules: GENERIC_RULES });
    expect(parseClassificationRules(DEMO_RULES)).toEqual({ ok: true, rules: DEMO_RULES });
  });

  const generic = (pathname: string, elements: string[] = []) => classifyPage(GENERIC_RULES, page(pathname, 'Any title', elements)).category;
  it.each([
    ['/emr/patients/123/notes', 'documentation'],
    ['/Documents/letter', 'documentation'],
    ['/results/42', 'results_review'],
    ['/lab', 'results_review'],
    ['/labs/pending', 'results_review'],
    ['/pathology/report', 'results_review'],
    ['/radiology', 'results_review'],
    ['/inbox', 'inbox_messaging'],
    ['/messages/7', 'inbox_messaging'],
    ['/tasks', 'inbox_messaging'],
    ['/referral/new', 'referrals'],
    ['/prescribing', 'orders_prescribing'],
    ['/patient/medications', 'orders_prescribing'],
    ['/orders/new', 'orders_prescribing'],
    ['/patients/search', 'patient_search'],
    ['/find', 'patient_search'],
    ['/scheduling', 'scheduling'],
    ['/appointments/today', 'scheduling'],
    ['/diary', 'scheduling'],
    ['/rota', 'scheduling'],
    ['/login', 'login_auth'],
    ['/account/signin', 'login_auth'],
    ['/sign-in', 'login_auth'],
    ['/auth/callback', 'login_auth'],
    ['/sso', 'login_auth'],
    ['/patients/1/record', 'chart_review'],
    ['/summary', 'chart_review'],
    ['/chart', 'chart_review'],
    ['/home', 'admin_other'],
    // Short words inside other words do not count.
    ['/prescriptions/authorise', 'orders_prescribing'],
    ['/maternity/labour-ward', 'admin_other'],
    ['/problems/disorders', 'admin_other'],
    ['/footnote', 'admin_other'],
    ['/lesson', 'admin_other'],
  ])('generic: %s → %s', (pathname, category) => {
    expect(generic(pathname)).toBe(category);
  });

  it('generic: a password field means signing in, whatever the path', () => {
    expect(generic('/patients/1/notes', ['input[type=password]'])).toBe('login_auth');
  });

  it("effective rules: the system's own first, then the generic preset ranked below every one of them", () => {
    const own: ClassificationRule[] = [{ path: '/patients/*', category: 'chart_review', priority: -1000 }];
    const rules = effectiveRules(own, true);
    expect(rules).toHaveLength(1 + GENERIC_RULES.length);
    expect(rules[1]).toEqual({ ...GENERIC_RULES[0], priority: GENERIC_RULES[0]!.priority + GENERIC_PRIORITY_SHIFT });
    // The lowest own rule still beats the generic password rule.
    expect(classifyPage(rules, page('/patients/1/notes', '', ['input[type=password]']))).toEqual({ category: 'chart_review', ruleIndex: 0 });
    // Elsewhere the generic rules decide, in their own order.
    expect(classifyPage(rules, page('/login', '', ['input[type=password]']))).toEqual({ category: 'login_auth', ruleIndex: 1 });
    expect(effectiveRules(own, false)).toEqual(own);
  });

  it.each([
    [3, true, 1, { list: 'system', index: 1 }],
    [3, true, 3, { list: 'generic', index: 0 }],
    [3, false, 3, null],
    [3, true, 3 + GENERIC_RULES.length, null],
    [3, true, null, null],
    [3, true, -1, null],
  ] as const)('ruleSource(%s, %s, %s) → %j', (count, generic, index, expected) => {
    expect(ruleSource(count, generic, index)).toEqual(expected);
  });
});
