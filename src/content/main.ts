import { SETTINGS_KEY } from '../core/settings.js';
import { ACTIVITY_PORT, type ContentConfig, type ContentEnvelope, type Envelope, type MessageType, type PortReport, type RequestOf, type ResponseOf } from '../protocol.js';
import { ActivitySensor, INPUT_EVENTS, inputListener, TICK_MS } from './activitySensor.js';
import { PageClassifier } from './pageClassifier.js';
import { pageLoadWait } from './pageLoad.js';
import { SoftNavigation, type RequestTiming } from './softNavigation.js';
import { DEFAULT_CATEGORY } from '../core/taskCategory.js';

/*
 * Content script, injected only into the clinical systems the clinician
 * configured. It reads the page's path, title and which elements exist to
 * classify it, here in the page (pageClassifier.ts); only the category id
 * leaves. It uses the bare `chrome`/`browser` runtime rather
 * than the polyfill to stay within its size budget.
 */
declare const browser: typeof chrome | undefined;
const runtime = (typeof browser !== 'undefined' ? browser : chrome) as typeof chrome;

function send<K extends MessageType>(type: K, body: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope = { type, body } as Envelope;
  return runtime.runtime.sendMessage(envelope) as Promise<ResponseOf<K>>;
}

// Before anything else: a load that ended before this moment was not watched (pageLoad.ts).
const scriptStartedAt = performance.now();

const marker = '__timebackSensor';
const scope = globalThis as Record<string, unknown>;

if (!scope[marker]) {
  scope[marker] = true;
  void start();
}

async function start(): Promise<void> {
  let config: ContentConfig | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;

  const classifier = new PageClassifier({ doc: document, now: () => performance.now(), onChange: () => sensor.onRouteMaybeChanged() });
  const sensor = new ActivitySensor({
    now: () => Date.now(),
    monotonic: () => performance.now(),
    attendedNow: () => document.visibilityState === 'visible' && document.hasFocus(),
    // A frame never classifies: the worker books its evidence under the top page's category.
    category: () => (config?.frame ? DEFAULT_CATEGORY : classifier.category()),
    send: (report) => {
      if (config) sendActivity({ systemId: config.systemId, ...report });
    },
    startTicking: () => {
      timer ??= setInterval(() => sensor.tick(), TICK_MS);
      // DOM changes matter only while there is evidence to book (and only in the top page).
      if (!config?.frame) classifier.watch();
    },
    stopTicking: () => {
      clearInterval(timer);
      timer = undefined;
      classifier.unwatch();
      releasePort();
    },
  });

  // A worker being restarted can drop one report (the stated bound); only a
  // reloaded or removed extension (no runtime id any more) ends sensing.
  const onSendFailed = () => {
    if (!runtime.runtime?.id) stopAll();
  };

  // Activity goes on a port (protocol.ts, ACTIVITY_PORT), open while there is evidence to report.
  let port: chrome.runtime.Port | undefined;
  let seq = 0;
  function sendActivity(body: RequestOf<'activity'>): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        if (!port) {
          const opened = runtime.runtime.connect({ name: ACTIVITY_PORT });
          opened.onDisconnect.addListener(() => {
            if (port === opened) port = undefined;
          });
          port = opened;
        }
        port.postMessage({ seq: ++seq, type: 'activity', body } satisfies PortReport);
        return;
      } catch {
        // The worker's restart closed the port: one more try on a new one.
        port = undefined;
      }
    }
    onSendFailed();
  }
  function releasePort(): void {
    port?.disconnect();
    port = undefined;
  }

  const onInput = inputListener(sensor);
  const onVisibility = () => (document.visibilityState === 'visible' ? sensor.onAttentionGained() : sensor.onAttentionLost());
  // Capturing listeners on the window also hear focus and blur of every element
  // (a text box losing focus); only the window's own (the window is no Node) are attention.
  const onFocus = (event: Event) => {
    if (!(event.target instanceof Node)) sensor.onAttentionGained();
  };
  const onBlur = (event: Event) => {
    if (!(event.target instanceof Node)) sensor.onAttentionLost();
  };
  const onPageHide = () => sensor.onAttentionLost();
  // In-app waits of single-page apps, in the top page only (softNavigation.ts).
  const soft = new SoftNavigation({
    now: () => performance.now(),
    watchRequests() {
      const seen: RequestTiming[] = [];
      // An observer rather than the page's timing buffer, which a polling page fills.
      const observer = new PerformanceObserver((list) => void seen.push(...(list.getEntries() as PerformanceResourceTiming[])));
      observer.observe({ type: 'resource' });
      return () => (observer.disconnect(), seen);
    },
    later: (fn, ms) => void setTimeout(fn, ms),
    report(from, to) {
      if (!config) return;
      const loadStartMs = performance.timeOrigin + from;
      const seconds = [Math.floor(loadStartMs / 1000), Math.ceil((performance.timeOrigin + to) / 1000)];
      sendActivity({ systemId: config.systemId, category: 'waiting_for_system', input: seconds, attended: seconds, pageLoadMs: to - from, loadStartMs, soft: true });
    },
  });
  const onAction = (event: Event) => {
    if (event.isTrusted && !config?.frame) soft.onAction();
  };
  const onRoute = () => {
    soft.onRoute();
    classifier.refresh();
  };
  // The Navigation API (where the browser has it) also reports pushState route changes; elsewhere the tick's path check does.
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  // One controller per sensing session: aborting it removes every listener the session added.
  let session: AbortController | undefined;
  let starting = false;

  function listen(): void {
    if (session) return;
    session = new AbortController();
    const opts: AddEventListenerOptions = { passive: true, capture: true, signal: session.signal };
    for (const type of INPUT_EVENTS) addEventListener(type, onInput, opts);
    document.addEventListener('visibilitychange', onVisibility, opts);
    addEventListener('focus', onFocus, opts);
    addEventListener('blur', onBlur, opts);
    addEventListener('pagehide', onPageHide, opts);
    addEventListener('popstate', onRoute, opts);
    addEventListener('hashchange', onRoute, opts);
    addEventListener('click', onAction, opts);
    addEventListener('submit', onAction, opts);
    navigation?.addEventListener('navigatesuccess', onRoute, { signal: session.signal });
  }

  /** Stop sensing: the system was removed from settings, or the extension was reloaded and this copy is orphaned. */
  function stopAll(): void {
    session?.abort();
    session = undefined;
    clearInterval(timer);
    timer = undefined;
    classifier.unwatch();
    releasePort();
    config = null;
  }

  async function loadConfig(): Promise<void> {
    const next = await send('contentConfig', {}).catch(() => null);
    if (!next) {
      sensor.flush();
      stopAll();
      return;
    }
    config = next;
    if (!next.frame) classifier.configure(next.rules, next.signIn);
    sensor.onRouteMaybeChanged();
    if (!session && !starting) {
      starting = true;
      // Until the page has loaded, the clinician is waiting for the system:
      // those seconds are booked once, as waiting, and the page's own category starts after.
      await pageLoaded();
      starting = false;
      if (!config) return;
      if (!config.frame) reportPageLoad();
      listen();
      // Arriving on a page in a focused, visible tab is the clinician's own act.
      sensor.onAttentionGained();
      // The top page says at once what it is, so its frames' evidence is booked under its category.
      if (!config.frame) sensor.announce();
    }
  }

  /**
   * The page load as a waiting report: the seconds it touches, from
   * Navigation Timing start to loadEventEnd, with its exact start and
   * duration, so the worker books it to the millisecond, taken out of the page
   * before (core/loadEdges.ts).
   */
  function reportPageLoad(): void {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const wait = pageLoadWait(nav, performance.timeOrigin, scriptStartedAt);
    if (!config || !wait || !(document.visibilityState === 'visible' && document.hasFocus())) return;
    sendActivity({ systemId: config.systemId, category: 'waiting_for_system', input: wait.seconds, attended: wait.seconds, pageLoadMs: wait.pageLoadMs, loadStartMs: wait.loadStartMs });
  }

  // The settings page's "test these rules" preview, relayed by the worker: only
  // from this extension, only for this page's system; the answer is the outcome alone.
  runtime.runtime.onMessage.addListener((message: ContentEnvelope, sender, sendResponse) => {
    if (sender.id !== runtime.runtime.id || !config || message?.type !== 'evaluateRules' || message.body?.systemId !== config.systemId || !Array.isArray(message.body.rules)) return;
    const { category, ruleIndex } = classifier.preview(message.body.rules);
    sendResponse({ category, ruleIndex });
  });

  runtime.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && SETTINGS_KEY in changes) void loadConfig();
  });
  await loadConfig();
}

/** Resolves after the load event has finished (so loadEventEnd is set). */
function pageLoaded(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => setTimeout(resolve, 0);
    if (document.readyState === 'complete') done();
    else addEventListener('load', done, { once: true });
  });
}
