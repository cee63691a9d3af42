import { classifyPage, type Classification, type ClassificationRule, type PageFacts } from '../core/classificationRules.js';
import { DEFAULT_CATEGORY, type TaskCategory } from '../core/taskCategory.js';

/** DOM changes cost at most one evaluation per this interval, and only while the sensor is active. */
export const DOM_EVALUATION_MS = 1_000;

export interface PageClassifierDeps {
  /** The live document; its location, title and elements are read here, in the page, and never leave it. */
  doc: Document;
  /** The category may have changed: the sensor re-checks (and flushes evidence under the old one). */
  onChange(): void;
  /** Monotonic clock in ms (performance.now in the page; tests inject one). */
  now(): number;
}

/**
 * Classifies the page it runs in. Everything it reads (path, title, whether
 * elements exist) stays here; only the category id is handed on.
 *
 * Cost: the path is compared on every sensor tick (a string comparison) and
 * the rules re-run only when it changed; route events re-run them at once;
 * DOM and title changes are observed only while watching (the sensor is
 * active), and the observer disconnects at the first change, so a busy page
 * builds no mutation records until the coalesced evaluation reconnects it.
 */
export class PageClassifier {
  private rules: readonly ClassificationRule[] = [];
  private signIn = false;
  private current: TaskCategory = DEFAULT_CATEGORY;
  private path: string | undefined;
  private lastEvaluation = -Infinity;
  private watching = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;

  constructor(private readonly deps: PageClassifierDeps) {}

  /** New rules from the worker; on a sign-in page every page counts as login_auth. */
  configure(rules: readonly ClassificationRule[], signIn: boolean): void {
    this.rules = rules;
    this.signIn = signIn;
    this.evaluate();
  }

  /** The page's category. Cheap: the rules re-run only if the path changed since they last ran. */
  category(): TaskCategory {
    if (this.deps.doc.location.pathname !== this.path) this.evaluate();
    return this.current;
  }

  /** Re-run the rules now (a route change); tell the sensor if the category changed. */
  refresh(): void {
    const before = this.current;
    this.evaluate();
    if (this.current !== before) this.deps.onChange();
  }

  /** Evaluate other rules against this page (the settings page's preview); the page's own category is untouched. */
  preview(rules: readonly ClassificationRule[]): Classification {
    return classifyPage(rules, this.facts());
  }

  /** Follow DOM and title changes (while the sensor is active). Changes made while not watching are caught by one evaluation now. */
  watch(): void {
    if (this.watching) return;
    this.watching = true;
    this.schedule();
  }

  unwatch(): void {
    this.watching = false;
    this.observer?.disconnect();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private facts(): PageFacts {
    const doc = this.deps.doc;
    return {
      pathname: doc.location.pathname,
      title: doc.title,
      hasElement(selector) {
        try {
          return doc.querySelector(selector) !== null;
        } catch {
          return false; // a selector this browser cannot parse matches nothing
        }
      },
    };
  }

  private evaluate(): void {
    this.path = this.deps.doc.location.pathname;
    this.lastEvaluation = this.deps.now();
    this.current = this.signIn ? 'login_auth' : classifyPage(this.rules, this.facts()).category;
  }

  /** One evaluation, no sooner than DOM_EVALUATION_MS after the previous one. */
  private schedule(): void {
    if (this.timer !== undefined || !this.watching) return;
    const wait = Math.max(0, this.lastEvaluation + DOM_EVALUATION_MS - this.deps.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.watching) return;
      this.observe();
      this.refresh();
    }, wait);
  }

  private observe(): void {
    const doc = this.deps.doc;
    this.observer ??= new MutationObserver(() => {
      // Stop collecting records until the evaluation, which sees every change made meanwhile.
      this.observer!.disconnect();
      this.schedule();
    });
    this.observer.observe(doc.documentElement, { childList: true, subtree: true });
    const title = doc.querySelector('title');
    if (title) this.observer.observe(title, { characterData: true, subtree: true });
  }
}
