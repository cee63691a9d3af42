// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backup, RestoreOutcome } from '../../../../src/core/backupValidation.js';
import { DEFAULT_SETTINGS } from '../../../../src/core/settings.js';
import type { DataApi } from '../../../../src/dashboard/dataApi.js';
import { Settings } from '../../../../src/dashboard/settings/Settings.js';
import { formatBytes, YourDataSection } from '../../../../src/dashboard/settings/YourDataSection.js';
import { installEnGbMessages } from '../../../../src/ui/enGbMessages.js';
import { Popup } from '../../../../src/popup/Popup.js';
import { fakeApi as fakePopupApi, summary } from '../../popupFakes.js';
import { domQueries } from '../../../support/domQueries.js';

const backup: Backup = { format: 'timeback-backup', version: 1, dbVersion: 2, createdAt: '2026-05-12T08:00:00.000Z', spans: [], events: [], settings: DEFAULT_SETTINGS };

function fakeData(restore: RestoreOutcome = { ok: true, added: 3, unchanged: 1, conflicting: 0, settingsRestored: false }) {
  return {
    storageEstimate: vi.fn(async () => ({ usage: 2_500_000, quota: 1_000_000_000 })),
    recordCounts: vi.fn(async () => ({ spans: 12, events: 3, rollups: 4 })),
    storageWarning: vi.fn(async () => null as { at: number; freed: number } | null),
    exportBackup: vi.fn(async () => backup),
    restoreBackup: vi.fn(async (_text: string) => restore),
    deleteAllData: vi.fn(async () => ({ deleted: true })),
    download: vi.fn((_name: string, _text: string) => undefined),
  } satisfies DataApi;
}

describe('Your data section', () => {
  let container: HTMLElement;
  const q = domQueries(() => container);
  beforeAll(() => installEnGbMessages());
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  async function show(api: DataApi) {
    await act(async () => render(<YourDataSection api={api} retentionDays={400} />, container));
    await q.settle();
    await q.settle();
  }

  it('shows storage use, record counts and the retention period', async () => {
    await show(fakeData());
    const text = container.textContent!;
    expect(text).toContain(`Storage used: ${formatBytes(2_500_000)}`);
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
    expect(text).toContain('12 detailed records, 3 page events and 4 daily totals');
    expect(text).toContain('older than 400 days');
    expect(text).not.toContain('Storage is nearly full');
  });

  it('shows the storage-full warning', async () => {
    const api = fakeData();
    api.storageWarning.mockResolvedValue({ at: 1, freed: 7 });
    await show(api);
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('Storage is nearly full');
  });

  it('downloads a private backup', async () => {
    const api = fakeData();
    await show(api);
    await q.press('Download backup (private: includes your notes)');
    expect(api.download).toHaveBeenCalledWith('timeback-backup-2026-05-12.json', JSON.stringify(backup));
  });

  it('deletes everything only after "Yes, delete everything"', async () => {
    const api = fakeData();
    await show(api);
    await q.press('Delete all data…');
    expect(api.deleteAllData).not.toHaveBeenCalled();
    await q.press('Cancel');
    expect(api.deleteAllData).not.toHaveBeenCalled();
    await q.press('Delete all data…');
    await q.press('Yes, delete everything');
    expect(api.deleteAllData).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain('Your settings were kept.');
  });

  async function choose(text: string) {
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File([text], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    for (let i = 0; i < 5; i++) await q.settle();
  }

  it('restores from a file and reports the result', async () => {
    const api = fakeData();
    await show(api);
    await choose('{"x":1}');
    expect(api.restoreBackup).toHaveBeenCalledWith('{"x":1}');
    expect(container.textContent).toContain('Restored: 3 records added, 1 already here.');
  });

  it('lists why a file was refused', async () => {
    await show(fakeData({ ok: false, errors: ['Record 2: has an unknown "category".'] }));
    await choose('{}');
    expect(container.textContent).toContain('nothing was changed');
    expect(container.textContent).toContain('Record 2: has an unknown "category".');
  });

  it('is part of Settings when the api has data functions', async () => {
    const api = { load: async () => undefined, save: async () => undefined, requestOrigins: async () => true, removeOrigins: async () => undefined, data: fakeData() };
    await act(async () => render(<Settings api={api} />, container));
    await q.settle();
    await q.settle();
    expect(container.querySelector('#data-heading')!.textContent).toBe('Your data');
  });

  it('the popup warns when storage filled up', async () => {
    const api = { ...fakePopupApi(summary()), storageWarning: vi.fn(async () => true) };
    await act(async () => render(<Popup api={api} />, container));
    await q.settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Storage is nearly full');
    await act(async () => render(null, container));
    await act(async () => render(<Popup api={{ ...api, storageWarning: vi.fn(async () => false) }} />, container));
    await q.settle();
    expect(container.textContent).not.toContain('Storage is nearly full');
  });
});
