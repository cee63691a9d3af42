import browser from 'webextension-polyfill';
import type { OsState } from '../core/attention.js';
import { SETTINGS_KEY } from '../core/settings.js';
import { browserPorts, IDLE_DETECTION_SEC } from './browserPorts.js';
import { createWorker } from './worker.js';
import { ACTIVITY_PORT, type PortAnswer, type PortAnswers } from '../protocol.js';

/*
 * Service worker entry. MV3 may kill this worker at any moment and start a
 * fresh one for the next event, so listeners are registered synchronously at
 * the top level and no state is kept in globals beyond caches (uBlock Origin
 * Lite's discipline). There is no timer: everything is driven by events.
 */
const worker = createWorker(browserPorts());

const report = (what: string) => (error: unknown) => console.error(`Timeback: ${what} failed`, error);

browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  // Returning undefined leaves the message unanswered: unexpected senders get nothing.
  const answer = worker.handleMessage(message, sender).catch((e) => {
    report('message')(e);
    return undefined;
  });
  return answer as Promise<unknown>;
});

// Content scripts report activity on a port while they have evidence (protocol.ts, ACTIVITY_PORT).
// Answers ready together go back together: a burst of reports costs few messages back.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== ACTIVITY_PORT) return;
  let ready: PortAnswer[] = [];
  const flush = () => {
    const answers = ready;
    ready = [];
    try {
      port.postMessage({ answers } satisfies PortAnswers);
    } catch {
      // The page closed its port meanwhile; its reports are stored all the same.
    }
  };
  port.onMessage.addListener((message: unknown) => {
    void worker.handlePortReport(message, port.sender ?? {}).then((answer) => {
      if (!answer) return;
      if (ready.push(answer) === 1) queueMicrotask(flush);
    }, report('activity report'));
  });
});

browser.tabs.onActivated.addListener(() => void worker.refreshAttention().catch(report('attention')));
browser.tabs.onRemoved.addListener(() => void worker.refreshAttention().catch(report('attention')));
browser.windows.onFocusChanged.addListener(() => void worker.refreshAttention().catch(report('attention')));
browser.idle.onStateChanged.addListener((state) => void worker.onIdleStateChanged(state as OsState).catch(report('idle')));
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && SETTINGS_KEY in changes) void worker.onSettingsChanged().catch(report('settings'));
  // The organisation's policy changed (storage.managed): the effective settings change with it.
  if (area === 'managed') void worker.onSettingsChanged().catch(report('policy'));
});

browser.alarms.onAlarm.addListener((alarm) => void worker.onAlarm(alarm.name).catch(report('alarm')));
browser.commands.onCommand.addListener((command) => void worker.onCommand(command).catch(report('command')));

// Host access granted or revoked in the browser's own UI changes which systems can be tracked.
browser.permissions.onAdded.addListener(() => void worker.onSettingsChanged().catch(report('permissions')));
browser.permissions.onRemoved.addListener(() => void worker.onSettingsChanged().catch(report('permissions')));

// A fresh install opens the first-run guide; an update or a browser restart does not.
browser.runtime.onInstalled.addListener((details) => {
  if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('dashboard.html#guide') }).catch(report('first-run guide'));
});

browser.idle.setDetectionInterval(IDLE_DETECTION_SEC);
void worker.onStart().catch(report('start'));
