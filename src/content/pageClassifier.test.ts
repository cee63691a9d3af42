// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClassificationRule } from '../core/classificationRules.js';
import { DOM_EVALUATION_MS, PageClassifier } from './pageClassifier.js';

const RULES: ClassificationRule[] = [
  { selector: 'input[type=password]', category: 'login_auth', priority: 100 },
  { path: '/patients/*/notes*', category: 'documentation', priority: 20 },
  { title: 'Results*', category: 'results_review', priority: 20 },
  { path: '/patients/*', selector: '#patient-banner', category: 'chart_review', priority: 10 },
];

let clock = 0;
let onChange: ReturnType<typeof vi.fn<() => void>>;
let classifier: PageClassifier;
let queries: ReturnType<typeof vi.spyOn>;

/** Let MutationObserver callbacks (microtasks) run. */
const flushMicrotasks = () => new Promise<void>((resolve) => queueMicrotask(resolve));
/** Advance the fake timers and the injected clock together. */
async function advance(ms: number) {
  clock += ms;
  await vi.advanceTimersByTimeAsync(ms);
}

/** A sign-in page's sign: a password field appended to `parent`, and the observer's microtasks run. */
async function addPasswordField(parent: Element): Promise<HTMLInputElement> {
  const input = document.createElement('input');
  input.type = 'password';
  parent.append(input);
  await flushMicrotasks();
  return input;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  clock = 1_000_000;
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('http://127.0.0.1/patients/p1/notes?nhs=9434765919');
  document.title = 'Canary Testpatient-Zzyzx – Notes';
  document.body.innerHTML = '<main><div id="patient-banner"></div><textarea id="notes"></textarea></main>';
  onChange = vi.fn<() => void>();
  classifier = new PageClassifier({ doc: document, now: () => clock, onChange });
  classifier.configure(RULES, false);
  queries = vi.spyOn(document, 'querySelector');
});

afterEach(() => {
  classifier.unwatch();
  queries.mockRestore();
  vi.useRealTimers();
});

describe('PageClassifier', () => {
  it('classifies by path, title and elements, reading the path only (never the query)', () => {
    expect(classifier.category()).toBe('documentation');
    expect(classifier.preview([{ path: '*nhs=*', category: 'referrals', priority: 0 }])).toEqual({ category: 'admin_other', ruleIndex: null });
  });

  it('re-evaluates on a route change (the cheap path check) and only then', () => {
    classifier.category();
    expect(queries).not.toHaveBeenCalled(); // same path: no evaluation at all
    history.pushState(null, '', '/patients/p1/record');
    expect(classifier.category()).toBe('chart_review');
    const evaluations = queries.mock.calls.length;
    expect(evaluations).toBeGreaterThan(0);
    classifier.category();
    classifier.category();
    expect(queries.mock.calls.length).toBe(evaluations);
  });

  it('refresh (popstate, hashchange, navigatesuccess) tells the sensor only when the category changed', () => {
    classifier.refresh();
    expect(onChange).not.toHaveBeenCalled();
    history.pushState(null, '', '/patients/p1/record');
    classifier.refresh();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(classifier.category()).toBe('chart_review');
  });

  it('notices a password field added to the DOM while watching, within a second', async () => {
    classifier.watch();
    await advance(DOM_EVALUATION_MS); // the first evaluation on watching
    expect(onChange).not.toHaveBeenCalled();
    const input = await addPasswordField(document.querySelector('main')!);
    expect(classifier.category()).toBe('documentation'); // not yet: coalesced
    await advance(DOM_EVALUATION_MS);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(classifier.category()).toBe('login_auth');
    input.remove();
    await flushMicrotasks();
    await advance(DOM_EVALUATION_MS);
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(classifier.category()).toBe('documentation');
  });

  it('notices a title change while watching', async () => {
    history.pushState(null, '', '/patients/p1/labs');
    classifier.refresh();
    classifier.watch();
    await advance(DOM_EVALUATION_MS);
    document.title = 'Results – EHR';
    await flushMicrotasks();
    await advance(DOM_EVALUATION_MS);
    expect(classifier.category()).toBe('results_review');
    // A title edited in place (its text node's data) is seen too.
    document.querySelector('title')!.firstChild!.nodeValue = 'Notes – EHR';
    await flushMicrotasks();
    await advance(DOM_EVALUATION_MS);
    expect(classifier.category()).toBe('chart_review');
  });

  it('coalesces a burst of DOM changes into one evaluation per second', async () => {
    classifier.watch();
    await advance(DOM_EVALUATION_MS);
    queries.mockClear();
    const main = document.querySelector('main')!;
    for (let i = 0; i < 200; i++) {
      main.append(document.createElement('p'));
      await flushMicrotasks();
      if (i % 20 === 0) await advance(10);
    }
    queries.mockClear(); // our own querySelector calls above
    await advance(DOM_EVALUATION_MS);
    // One evaluation: at most one query per selector rule, plus finding <title> to observe it.
    expect(queries.mock.calls.length).toBeLessThanOrEqual(RULES.filter((r) => r.selector).length + 1);
    // Then a quiet page costs nothing.
    queries.mockClear();
    await advance(10 * DOM_EVALUATION_MS);
    expect(queries).not.toHaveBeenCalled();
  });

  it('never evaluates more than once a second, however long the changes go on', async () => {
    classifier.watch();
    const evaluations: number[] = [];
    const real = classifier.refresh.bind(classifier);
    classifier.refresh = () => {
      evaluations.push(clock);
      real();
    };
    const main = document.querySelector('main')!;
    for (let t = 0; t < 5000; t += 50) {
      main.append(document.createElement('span'));
      await flushMicrotasks();
      await advance(50);
    }
    expect(evaluations.length).toBeGreaterThan(3);
    for (let i = 1; i < evaluations.length; i++) expect(evaluations[i]! - evaluations[i - 1]!).toBeGreaterThanOrEqual(DOM_EVALUATION_MS);
  });

  it('ignores DOM changes while not watching (the sensor is idle), and catches up when watching starts', async () => {
    await addPasswordField(document.body);
    await advance(5 * DOM_EVALUATION_MS);
    expect(onChange).not.toHaveBeenCalled();
    expect(queries).not.toHaveBeenCalled();
    classifier.watch();
    await advance(0); // the last evaluation was long ago: at once
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(classifier.category()).toBe('login_auth');
  });

  it('stops observing on unwatch', async () => {
    classifier.watch();
    await advance(DOM_EVALUATION_MS);
    classifier.unwatch();
    await addPasswordField(document.body);
    await advance(5 * DOM_EVALUATION_MS);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('counts every page of a sign-in page as login_auth', () => {
    classifier.configure(RULES, true);
    expect(classifier.category()).toBe('login_auth');
    history.pushState(null, '', '/patients/p1/record');
    expect(classifier.category()).toBe('login_auth');
  });

  it('previews other rules without changing its own category, and treats an unparsable selector as no match', () => {
    expect(classifier.preview([{ selector: '#patient-banner', category: 'referrals', priority: 0 }])).toEqual({ category: 'referrals', ruleIndex: 0 });
    expect(classifier.preview([{ selector: 'div[', category: 'referrals', priority: 5 }, { path: '*', category: 'scheduling', priority: 0 }])).toEqual({
      category: 'scheduling',
      ruleIndex: 1,
    });
    expect(classifier.category()).toBe('documentation');
  });
});
