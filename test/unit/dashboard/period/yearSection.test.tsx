// @vitest-environment happy-dom
import { containerPerTest } from '../../../support/domQueries.js';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACTIVE_TIME } from '../../../../src/core/activeTimeParams.js';
import { computePeriodMetrics } from '../../../../src/core/metrics.js';
import type { Schedule } from '../../../../src/core/schedule.js';
import { YearSection } from '../../../../src/dashboard/period/YearSection.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';

const H = 3_600_000;
const JOB_PLAN: Schedule = {
  sessions: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  nonWorkingDates: ['2026-05-04', '2026-05-25'],
  leave: [{ from: '2026-05-11', to: '2026-05-15' }],
};

let container: HTMLElement;
beforeAll(() => installEnGbMessages());
containerPerTest((c) => (container = c));

function rows(): string[][] {
  return [...container.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

describe('Dashboard: a year at this rate', () => {
  it('annualises the period by its working weeks (job plan less leave and bank holidays), with the formula', async () => {
    const base = computePeriodMetrics({ from: '2026-05-04', to: '2026-05-31', rollups: [], schedule: JOB_PLAN, params: DEFAULT_ACTIVE_TIME });
    const metrics = { ...base, byCategoryMs: { login_auth: 5.2 * H, inbox_messaging: 2.6 * H }, waiting: { totalMs: 1.3 * H, bySystem: {}, inAppBySystem: {} }, afterHoursEpicMs: 7.8 * H };
    await act(async () => render(<YearSection metrics={metrics} schedule={JOB_PLAN} />, container));
    expect(container.querySelector('#year-basis')?.textContent).toContain('This period held 2.6 working weeks');
    // 5.2 h ÷ 2.6 × 45 = 90 h; ÷ 1,687.5 h = 0.05 FTE.
    expect(rows()).toEqual([
      ['Logging in', '5.2 h', '90 h', '0.05'],
      ['Waiting for the system', '1.3 h', '23 h', '0.01'],
      ['After hours (weekdays 17:30–07:00 and weekends)', '7.8 h', '135 h', '0.08'],
      ['Inbox and admin', '2.6 h', '45 h', '0.03'],
    ]);
    expect(container.querySelector('#year-formula')?.textContent).toContain('÷ (37.5 h × 45 weeks = 1,687.5 h)');

    // Fewer working weeks a year: 5.2 ÷ 2.6 × 40 = 80 h.
    const weeks = container.querySelector<HTMLInputElement>('#year-workingWeeksPerYear')!;
    await act(async () => {
      weeks.value = '40';
      weeks.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(rows()[0]).toEqual(['Logging in', '5.2 h', '80 h', '0.05']);
    // Out of range: said plainly, and the defaults are used.
    await act(async () => {
      weeks.value = '0';
      weeks.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Working weeks a year must be a number from 1 to 52 (got 0).');
    expect(rows()[0]).toEqual(['Logging in', '5.2 h', '90 h', '0.05']);
  });
});
