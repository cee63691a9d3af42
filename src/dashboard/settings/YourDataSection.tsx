import { useEffect, useRef, useState } from 'preact/hooks';
import type { StorageWarning } from '../../protocol.js';
import type { RestoreOutcome } from '../../core/backupValidation.js';
import type { RecordCounts } from '../../store/dataStore.js';
import { t } from '../../ui/i18n.js';
import type { DataApi } from '../dataApi.js';

interface DataInfo {
  estimate: { usage: number; quota: number } | null;
  counts: RecordCounts | null;
  warning: StorageWarning | null;
}

/** Bytes as B, kB, MB or GB (decimal units, as browsers report storage). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(undefined, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/**
 * "Your data": how much Timeback stores, how long it keeps detailed records,
 * the clinician's private backup (download and restore), and deleting
 * everything (settings are kept) after a confirmation step.
 */
export function YourDataSection({ api, retentionDays }: { api: DataApi; retentionDays: number }) {
  const [info, setInfo] = useState<DataInfo | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const question = useRef<HTMLParagraphElement>(null);

  async function refresh() {
    const [estimate, counts, warning] = await Promise.all([
      api.storageEstimate().catch(() => null),
      api.recordCounts().catch(() => null),
      api.storageWarning().catch(() => null),
    ]);
    setInfo({ estimate, counts, warning });
  }

  useEffect(() => {
    void refresh();
  }, [api]);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  function report(lines: string[], errors: string[] = []) {
    setMessage(lines);
    setProblems(errors);
  }

  async function run(action: () => Promise<void>) {
    if (busy) return;
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      await refresh();
    }
  }

  const download = () =>
    run(async () => {
      try {
        const backup = await api.exportBackup();
        api.download(`timeback-backup-${backup.createdAt.slice(0, 10)}.json`, JSON.stringify(backup));
        report([t('data_backupSaved', String(backup.spans.length))]);
      } catch {
        report([], [t('data_backupFailed')]);
      }
    });

  const restore = (file: File) =>
    run(async () => {
      report([t('data_restoring')]);
      let outcome: RestoreOutcome;
      try {
        outcome = await api.restoreBackup(await file.text());
      } catch {
        return report([], [t('data_restoreFailed')]);
      }
      if (!outcome.ok) return report([t('data_restoreRefused')], outcome.errors);
      const lines = [t('data_restored', String(outcome.added), String(outcome.unchanged))];
      if (outcome.conflicting > 0) lines.push(t('data_restoredConflicts', String(outcome.conflicting)));
      if (outcome.settingsRestored) lines.push(t('data_restoredSettings'));
      report(lines);
    });

  const deleteAll = () =>
    run(async () => {
      setConfirming(false);
      try {
        const { deleted } = await api.deleteAllData();
        report(deleted ? [t('data_deleted')] : [], deleted ? [] : [t('data_deleteFailed')]);
      } catch {
        report([], [t('data_deleteFailed')]);
      }
    });

  return (
    <section class="section" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('data_heading')}</h2>
      <p>{t('data_intro')}</p>
      {info?.warning && (
        <p class="warning" role="alert">
          {t('data_storageWarning', String(info.warning.freed))}
        </p>
      )}
      {info === null ? (
        <p>{t('data_loading')}</p>
      ) : (
        <ul>
          <li>{info.estimate ? t('data_usage', formatBytes(info.estimate.usage), formatBytes(info.estimate.quota)) : t('data_usageUnknown')}</li>
          {info.counts && <li>{t('data_counts', String(info.counts.spans), String(info.counts.events), String(info.counts.rollups))}</li>}
          <li>{t('data_retention', String(retentionDays))}</li>
        </ul>
      )}

      <div role="status" aria-live="polite">
        {message.map((line) => (
          <p key={line} class="notice">
            {line}
          </p>
        ))}
        {problems.length > 0 && (
          <ul class="error-message">
            {problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        )}
      </div>

      <h3>{t('data_backupHeading')}</h3>
      <p>{t('data_backupIntro')}</p>
      <div class="button-group">
        <button type="button" class="button" disabled={busy} onClick={() => void download()}>
          {t('data_download')}
        </button>
      </div>
      <p>
        <label for="data-restore">{t('data_restoreLabel')}</label>
        <br />
        <span class="hint">{t('data_restoreHint')}</span>
        <br />
        <input
          id="data-restore"
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (file) void restore(file).finally(() => (input.value = ''));
          }}
        />
      </p>

      <h3>{t('data_deleteHeading')}</h3>
      <p>{t('data_deleteIntro')}</p>
      {confirming ? (
        <div class="confirm" role="group" aria-labelledby="data-delete-question">
          <p id="data-delete-question" ref={question} tabIndex={-1}>
            {t('data_deleteConfirm')}
          </p>
          <div class="button-group">
            <button type="button" class="button button-warning" disabled={busy} onClick={() => void deleteAll()}>
              {t('data_deleteYes')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
              {t('data_deleteCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="button button-warning" disabled={busy} onClick={() => setConfirming(true)}>
          {t('data_delete')}
        </button>
      )}
    </section>
  );
}
