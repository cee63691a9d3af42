// @vitest-environment happy-dom
import axe from 'axe-core';
import { render } from 'preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../../../src/core/activeTimeParams.js';
import { emptyRollup } from '../../../../src/core/dayRollup.js';
import { computePeriodMetrics } from '../../../../src/core/metrics.js';
import { EMPTY_SCHEDULE } from '../../../../src/core/schedule.js';
import { WaitingSection } from '../../../../src/dashboard/period/WaitingSection.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';

/*
 * The dashboard's waiting section: document loads and in-app waits of
 * single-page apps, per system, each with its typical (p50) and slowest 5%
 * (p95) times, from the period's rollups.
 */
beforeAll(() => installEnGbMessages());
let container: HTMLElement | undefined;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
});

const NAMES: Record<string, string> = { ehr: 'Demo EHR', pacs: 'Viewer' };

function draw(rollups: ReturnType<typeof emptyRollup>[]) {
  const metrics = computePeriodMetrics({ from: '2026-05-11', to: '2026-05-17', rollups, schedule: EMPTY_SCHEDULE, params: DEFAULT_ACTIVE_TIME });
  container = document.createElement('main');
  document.body.append(container);
  render(<WaitingSection metrics={metrics} nameOf={(id) => NAMES[id] ?? id} />, container);
  return { metrics, el: container };
}

const rows = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));

describe('WaitingSection', () => {
  it('shows document loads and in-app waits per system with p50 and p95', () => {
    const monday = { ...emptyRollup('2026-05-11', DEFAULT_ACTIVE_TIME), pageLoads: { ehr: [1200, 2400, 900] }, softWaits: { ehr: [2500, 300], pacs: [4100] } };
    const tuesday = { ...emptyRollup('2026-05-12', DEFAULT_ACTIVE_TIME), pageLoads: { ehr: [3000] }, softWaits: { ehr: [800] } };
    const { metrics, el } = draw([monday, tuesday]);
    expect(metrics.waiting.inAppBySystem).toEqual({ ehr: { waits: 3, p50Ms: 800, p95Ms: 2500, totalMs: 3600 }, pacs: { waits: 1, p50Ms: 4100, p95Ms: 4100, totalMs: 4100 } });
    const [loads, inApp] = [...el.querySelectorAll('table')];
    expect(loads!.querySelector('caption')!.textContent).toBe('Page-load times by system');
    expect(rows(loads!)).toEqual([['Demo EHR', '4', '1.2 s', '3.0 s', '8 s']]);
    expect(inApp!.querySelector('caption')!.textContent).toContain('In-app waits by system');
    expect(inApp!.querySelector('thead')!.textContent).toContain('In-app waits');
    // Largest total first.
    expect(rows(inApp!)).toEqual([
      ['Viewer', '1', '4.1 s', '4.1 s', '4 s'],
      ['Demo EHR', '3', '0.8 s', '2.5 s', '4 s'],
    ]);
  });

  it('says so when a period has neither', () => {
    const { el } = draw([emptyRollup('2026-05-11', DEFAULT_ACTIVE_TIME)]);
    expect(el.querySelectorAll('table')).toHaveLength(0);
    expect(el.textContent).toContain('No page loads were recorded in this period.');
    expect(el.textContent).toContain('No in-app waits were recorded in this period.');
  });

  it('passes axe (WCAG 2.2 AA)', async () => {
    const { el } = draw([{ ...emptyRollup('2026-05-11', DEFAULT_ACTIVE_TIME), pageLoads: { ehr: [1200] }, softWaits: { ehr: [2500] } }]);
    const result = await axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] }, rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations).toEqual([]);
  });
});
