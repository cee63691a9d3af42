// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Schedule } from '../../../../src/core/schedule.js';
import { ScheduleForm } from '../../../../src/dashboard/settings/ScheduleForm.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { containerPerTest, domQueries } from '../../../support/domQueries.js';

let container: HTMLElement;
const { text, press } = domQueries(() => container);
beforeAll(() => installEnGbMessages());
containerPerTest((c) => (container = c));

const JOB_PLAN: Schedule = {
  sessions: [{ weekday: 3, start: '09:00', end: '13:00' }],
  nonWorkingDates: ['2026-12-25'],
  leave: [{ from: '2026-08-03', to: '2026-08-14' }],
};

async function show(schedule: Schedule) {
  const onSave = vi.fn<(s: Schedule) => void>();
  await act(() => render(<ScheduleForm schedule={schedule} onSave={onSave} />, container));
  return onSave;
}

const save = () => act(() => container.querySelector('form')!.requestSubmit());
const listOf = (legend: string) =>
  [...container.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)!.querySelectorAll('ol > li');

describe('ScheduleForm: the three lists of rows (sessions, non-working days, leave)', () => {
  it('shows each saved row in its list, and says when there are no sessions', async () => {
    await show(JOB_PLAN);
    expect(listOf('Weekly sessions')).toHaveLength(1);
    expect(listOf('Non-working days (optional)')).toHaveLength(1);
    expect(listOf('Leave (optional)')).toHaveLength(1);
    render(null, container);
    await show({ sessions: [], nonWorkingDates: [], leave: [] });
    expect(text()).toContain('No sessions yet.');
    expect(container.querySelectorAll('ol')).toHaveLength(0);
  });

  it('adds a session on the last row’s day and focuses its day field; removing it focuses "Add a session"', async () => {
    const onSave = await show(JOB_PLAN);
    await press('Add a session');
    const rows = listOf('Weekly sessions');
    expect(rows).toHaveLength(2);
    const day = rows[1]!.querySelector('select')!;
    expect(day.value).toBe('3');
    expect(document.activeElement).toBe(day);
    await press('Remove session 2');
    expect(listOf('Weekly sessions')).toHaveLength(1);
    expect(document.activeElement?.id).toBe('add-session');
    await save();
    expect(onSave).toHaveBeenLastCalledWith(JOB_PLAN);
  });

  it('adds and removes non-working days and leave, focusing the new row, then the add button', async () => {
    const onSave = await show(JOB_PLAN);
    await press('Add a non-working day');
    expect(listOf('Non-working days (optional)')).toHaveLength(2);
    expect(document.activeElement).toBe(listOf('Non-working days (optional)')[1]!.querySelector('input'));
    await press('Remove non-working day 1');
    expect(document.activeElement?.id).toBe('add-non-working');
    await press('Add leave');
    expect(document.activeElement).toBe(listOf('Leave (optional)')[1]!.querySelector('input'));
    await press('Remove leave 2');
    expect(document.activeElement?.id).toBe('add-leave');
    await press('Remove leave 1');
    expect(listOf('Leave (optional)')).toHaveLength(0);
    expect(container.querySelector('#add-leave')).not.toBeNull();
    await save();
    // The new, empty non-working day stays for correcting; the saved one and all leave are gone.
    expect(onSave.mock.lastCall![0]).toMatchObject({ sessions: JOB_PLAN.sessions, leave: [] });
  });
});
