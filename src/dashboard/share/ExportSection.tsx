import { useEffect, useRef, useState } from 'preact/hooks';
import type { Role } from '../../core/exportFormat.js';
import type { DayRollup } from '../../core/dayRollup.js';
import { validatePersonalExport } from '../../core/exportValidation.js';
import { personalExportToCsv, personalExportToJson } from '../../core/exportWriters.js';
import { buildPersonalExport, contributorIdForExport, CONTRIBUTOR_ID_BYTES, personalExportFileName } from '../../core/personalExport.js';
import { assertExportClean, ExportRefusedError } from '../../core/phiGuard.js';
import { DEFAULT_SETTINGS, parseSettings } from '../../core/settings.js';
import { t } from '../../ui/i18n.js';
import type { DashboardApi } from '../dashboardApi.js';
import { downloadText } from '../common/download.js';
import { checkChoices, defaultChoices, type ChoiceField, type ExportChoices } from './exportChoices.js';
import { ExportForm } from './ExportForm.js';
import { ExportPreview, type PreviewedExport } from './ExportPreview.js';
import { ErrorSummary } from '../common/ErrorSummary.js';

/** What the texts of a refused export say, in the clinician's words. */
function refusal(error: unknown): string {
  if (error instanceof ExportRefusedError && error.findings.length > 0) return t('share_errorUnclean', error.reasons.join(' '));
  if (error instanceof ExportRefusedError) return t('share_errorInvalid', error.reasons.join(' '));
  return t('share_errorBuild', error instanceof Error ? error.message : String(error));
}

/**
 * "Export your figures": choose, preview, download. The file is built from
 * the rollups of the chosen period and the settings (job plan and the
 * active-time definition), shown in full, and checked again (format and
 * patient-identifier guard) on the exact text just before it is saved.
 */
export function ExportSection({ api, organisation }: { api: DashboardApi; organisation?: { teamCode: string | null; role: Role | null } }) {
  const [today] = useState(() => api.today());
  // A team code and role set by the organisation's policy start filled in; the preview shows them.
  const [choices, setChoices] = useState<ExportChoices>(() => ({ ...defaultChoices(today), teamCode: organisation?.teamCode ?? '', role: organisation?.role ?? '' }));
  const [errors, setErrors] = useState<string[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ChoiceField, string>>>({});
  // `keep`: whether this export's id is to be kept for the next one, as chosen when it was built.
  const [preview, setPreview] = useState<(PreviewedExport & { keep: boolean }) | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const touched = useRef(false);
  const focusPreview = useRef(false);

  // The box starts ticked only if the clinician kept an id last time, so it always says what this device holds.
  useEffect(() => {
    let live = true;
    api.readContributorId().then(
      (id) => live && id !== null && !touched.current && setChoices((c) => ({ ...c, keepId: true })),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);

  useEffect(() => {
    if (preview && focusPreview.current) {
      focusPreview.current = false;
      document.getElementById('share-preview-heading')?.focus();
    }
  }, [preview]);

  function change(next: ExportChoices) {
    touched.current = true;
    setChoices(next);
    // A preview of other choices would no longer be what gets shared.
    setPreview(null);
    setNotice('');
  }

  function fail(messages: string[], fields: Partial<Record<ChoiceField, string>> = {}) {
    setFieldErrors(fields);
    setErrors(messages);
    setNotice('');
  }

  async function build() {
    if (running.current) return;
    const checked = checkChoices(choices);
    if (!checked.ok) {
      setPreview(null);
      return fail(
        checked.errors.map((e) => e.message),
        Object.fromEntries(checked.errors.map((e) => [e.field, e.message])),
      );
    }
    running.current = true;
    setBusy(true);
    try {
      let raw: unknown;
      let rollups: DayRollup[];
      let stored: string | null;
      try {
        [raw, rollups, stored] = await Promise.all([
          api.load(),
          api.readRollups(checked.from, checked.to),
          choices.keepId ? api.readContributorId() : Promise.resolve(null),
        ]);
      } catch {
        return fail([t('share_errorLoad')]);
      }
      const parsed = raw === undefined ? { ok: true as const, settings: DEFAULT_SETTINGS } : parseSettings(raw);
      if (!parsed.ok) return fail([t('share_errorSettings')]);
      const { settings } = parsed;
      try {
        // A fresh random id unless the clinician keeps theirs; never derived from who they are.
        const { contributorId } = contributorIdForExport({
          stored,
          keep: choices.keepId,
          randomBytes: crypto.getRandomValues(new Uint8Array(CONTRIBUTOR_ID_BYTES)),
        });
        const exp = buildPersonalExport({
          rollups,
          from: checked.from,
          to: checked.to,
          granularity: choices.granularity,
          includeSystems: choices.includeSystems,
          teamCode: checked.teamCode,
          role: choices.role === '' ? null : choices.role,
          contributorId,
          extensionVersion: api.extensionVersion(),
          schedule: settings.schedule,
          params: { inactivityThresholdSec: settings.inactivityThresholdSec, readingAllowanceSec: settings.readingAllowanceSec },
        });
        const next = { exp, json: personalExportToJson(exp), csv: personalExportToCsv(exp), keep: choices.keepId };
        setErrors([]);
        setFieldErrors({});
        setNotice('');
        focusPreview.current = true;
        setPreview(next);
      } catch (error) {
        setPreview(null);
        fail([refusal(error)]);
      }
    } finally {
      running.current = false;
      setBusy(false);
    }
  }

  function download(format: 'json' | 'csv') {
    if (!preview) return;
    const text = format === 'json' ? preview.json : preview.csv;
    // Checked again on the very text that is about to be saved.
    try {
      const checked = validatePersonalExport(format === 'json' ? JSON.parse(text) : preview.exp);
      if (!checked.ok) return fail([t('share_errorInvalid', checked.errors.join(' '))]);
      assertExportClean(text);
    } catch (error) {
      return fail([refusal(error)]);
    }
    const fileName = personalExportFileName(preview.exp, format);
    downloadText(fileName, text, format === 'json' ? 'application/json' : 'text/csv;charset=utf-8');
    setErrors([]);
    setNotice(t('share_downloaded', fileName));
    // Kept only when asked; otherwise any kept id is forgotten, so the next export cannot be linked to this one.
    // The file is already saved, so a failure here only means the next export gets a fresh id.
    void api.writeContributorId(preview.keep ? preview.exp.contributorId : null).catch(() => undefined);
  }

  return (
    <section class="dash-section" aria-labelledby="share-export-heading">
      <h2 id="share-export-heading">{t('share_exportHeading')}</h2>
      <p>{t('share_exportIntro')}</p>
      {errors.length > 0 && <ErrorSummary errors={errors} titleId="share-export-error-title" />}
      <ExportForm today={today} choices={choices} errors={fieldErrors} busy={busy} onChange={change} onSubmit={() => void build()} />
      <p role="status" class="visually-hidden">
        {busy ? t('share_building') : ''}
      </p>
      {preview && <ExportPreview preview={preview} notice={notice} onDownload={download} />}
    </section>
  );
}
