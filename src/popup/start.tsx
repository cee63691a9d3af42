import { render } from 'preact';
import type { TodaySummary } from '../core/todaySummary.js';
import { t } from '../ui/i18n.js';
import { settledWithin, whenParsed } from '../ui/pageStart.js';
import type { PopupApi } from './api.js';
import { Popup } from './Popup.js';

/**
 * How long the popup waits for today's summary before it shows "Loading…"
 * instead: a running worker answers in a few milliseconds; one the browser
 * has to start again can take a few hundred.
 */
export const FIRST_ANSWER_WAIT_MS = 150;

/**
 * Starts the popup. Called as popup.js runs in <head>, so today's summary is
 * asked for before the rest of the page is parsed; the popup renders once the
 * body has been, showing today at once when it was answered in time.
 */
export function startPopup(doc: Document, api: PopupApi, waitMs = FIRST_ANSWER_WAIT_MS): void {
  const first = api.getToday();
  let firstFailed = false;
  first.catch(() => (firstFailed = true));
  const firstInTime = settledWithin(first, waitMs);
  whenParsed(doc, () => {
    doc.title = t('extName');
    const root = doc.getElementById('app');
    if (!root) return;
    void firstInTime.then((initial) => {
      // Not answered in time: the popup says it is loading, and its first request takes that same
      // answer. A failed one is asked again.
      let pending: Promise<TodaySummary> | undefined = initial || firstFailed ? undefined : first;
      const getToday = () => {
        const answer = pending ?? api.getToday();
        pending = undefined;
        return answer;
      };
      render(<Popup api={{ ...api, getToday }} initial={initial} />, root);
    });
  });
}
