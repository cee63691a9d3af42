import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LockableSetting, PolicyView } from '../../core/policy.js';
import { parseSchedule, type Schedule } from '../../core/schedule.js';
import { DEFAULT_SETTINGS, parseSettings, systemIdFromName, systemOrigins, type ClinicalSystem, type DesktopSystem, type Settings as SettingsValue } from '../../core/settings.js';
import { BUNDLED_CATALOGUE, mergeCatalogue, systemFromEntry, type CatalogueEntry } from '../../core/catalogue.js';
import { t } from '../../ui/i18n.js';
import { CatalogueSection } from './CatalogueSection.js';
import { SuggestedRules } from './SuggestedRules.js';
import type { ClassificationRule } from '../../core/classificationRules.js';
import { DesktopSystemsSection } from './DesktopSystemsSection.js';
import { ErrorSummary } from '../common/ErrorSummary.js';
import { LoadWarning } from './LoadWarning.js';
import { PauseToggle } from './PauseToggle.js';
import { PolicySystems, PolicyWarnings } from './PolicyNotice.js';
import { ScheduleForm } from './ScheduleForm.js';
import type { SettingsApi } from '../settingsApi.js';
import { SystemForm } from './SystemForm.js';
import { SystemList } from './SystemList.js';
import { draftFromSystem, emptyDraft, systemFromDraft, unusedOrigins, withoutSystem, withSystem, type SystemDraft } from './systemDraft.js';
import { TimingForm, type TimingValues } from './TimingForm.js';
import { YourDataSection } from './YourDataSection.js';

/** Where focus goes after the form closes or a system is removed (the old element is gone). */
type FocusTarget = 'add' | 'systems-heading' | null;

/**
 * The settings page. Every change builds the whole next Settings, validates it
 * with parseSettings and writes it only if valid; host permission is asked for
 * before writing, and given back once no system needs it.
 */
export function Settings({ api, focusSchedule = false, guide }: { api: SettingsApi; focusSchedule?: boolean; /** The first-run guide, shown under the heading. */ guide?: ComponentChildren }) {
  const [settings, setSettings] = useState<SettingsValue | null>(null);
  /** The organisation's policy (docs/deployment.md); null while loading or where there is none to ask for. */
  const [policy, setPolicy] = useState<PolicyView | null>(null);
  useEffect(() => {
    let live = true;
    api.policy?.().then(
      (p) => live && setPolicy(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  const [loadProblem, setLoadProblem] = useState<string[] | null>(null);
  const [editing, setEditing] = useState<SystemDraft | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [notice, setNotice] = useState('');
  const busy = useRef(false);
  const focusNext = useRef<FocusTarget>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const systemsHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    api.load().then(
      (raw) => {
        if (!live) return;
        if (raw === undefined) return setSettings(DEFAULT_SETTINGS);
        const parsed = parseSettings(raw);
        // Show the defaults but write nothing: the stored value may still be
        // recoverable, and only an explicit save here replaces it.
        if (parsed.ok) setSettings(parsed.settings);
        else {
          setLoadProblem(parsed.errors);
          setSettings(DEFAULT_SETTINGS);
        }
      },
      () => {
        if (!live) return;
        setLoadProblem([t('settings_loadFailed')]);
        setSettings(DEFAULT_SETTINGS);
      },
    );
    const unwatch = api.watch?.((raw) => {
      const parsed = parseSettings(raw);
      if (live && parsed.ok) setSettings(parsed.settings);
    });
    return () => {
      live = false;
      unwatch?.();
    };
  }, [api]);

  useEffect(() => {
    const target = focusNext.current === 'add' ? addButton.current : focusNext.current === 'systems-heading' ? systemsHeading.current : null;
    if (target) {
      focusNext.current = null;
      target.focus();
    }
  });

  if (!settings) {
    return (
      <main class="page">
        <h1>{t('settings_heading')}</h1>
        <p role="status">{t('settings_loading')}</p>
      </main>
    );
  }
  const current = settings;
  const isLocked = (setting: LockableSetting) => policy?.locked.includes(setting) ?? false;

  /** No browser policy grants optional host access, so the clinician allows a policy system's pages here (a user gesture). */
  function allowPolicySystem(system: ClinicalSystem) {
    const granted = attempt(() => api.requestOrigins(systemOrigins(system)));
    void granted.then((ok) => (ok ? setNotice(t('policy_accessAllowed', system.name)) : showErrors([t('settings_permissionRefused', system.name)])));
  }

  function showErrors(messages: string[]) {
    setNotice('');
    setErrors(messages);
  }

  /** Write `next`; then give back origins nothing uses any more. */
  async function commit(next: SettingsValue): Promise<boolean> {
    try {
      await api.save(next);
    } catch {
      showErrors([t('settings_saveFailed')]);
      return false;
    }
    setSettings(next);
    setErrors([]);
    setLoadProblem(null);
    const unused = unusedOrigins(current, next);
    if (unused.length > 0) await api.removeOrigins(unused).catch(() => undefined);
    return true;
  }

  /** Run an async change unless one is already running (double clicks, Enter held down). */
  function exclusive(run: () => Promise<void>) {
    busy.current = true;
    void run().finally(() => {
      busy.current = false;
    });
  }

  function submitSystem(draft: SystemDraft) {
    if (busy.current) return;
    // Desktop systems share the id space, so a new web system never takes one of their ids.
    const otherIds = new Set(
      [...current.systems.filter((s) => s.id !== draft.id), ...current.desktopSystems, ...(policy?.systems ?? []), ...(policy?.desktopSystems ?? [])].map((s) => s.id),
    );
    const candidate = systemFromDraft(draft, otherIds);
    const parsed = parseSettings(withSystem(current, candidate));
    if (!parsed.ok) return showErrors(parsed.errors);
    const system = parsed.settings.systems.find((s) => s.id === candidate.id)!;
    // Asked for here, synchronously inside the submit handler: browsers only
    // show the permission prompt during a user gesture.
    const granted = attempt(() => api.requestOrigins(systemOrigins(system)));
    exclusive(async () => {
      if (!(await granted)) return showErrors([t('settings_permissionRefused', system.name)]);
      if (!(await commit(parsed.settings))) return;
      setEditing(null);
      setNotice(draft.id ? t('settings_systemSaved', system.name) : t('settings_systemAdded', system.name));
      focusNext.current = 'add';
    });
  }

  /** One click adds a catalogue entry: its origins are asked for here, in the click. */
  function addFromCatalogue(entry: CatalogueEntry) {
    if (busy.current) return;
    const taken = new Set([...current.systems, ...current.desktopSystems, ...(policy?.systems ?? []), ...(policy?.desktopSystems ?? [])].map((s) => s.id));
    const system = systemFromEntry(entry, taken);
    const parsed = parseSettings(withSystem(current, system));
    if (!parsed.ok) return showErrors(parsed.errors);
    const granted = attempt(() => api.requestOrigins(systemOrigins(system)));
    exclusive(async () => {
      if (!(await granted)) return showErrors([t('settings_permissionRefused', system.name)]);
      if (await commit(parsed.settings)) setNotice(t('settings_systemAdded', system.name));
    });
  }

  /** A suggested rule, one click: added to the system's own rules. */
  function addSuggestedRule(systemId: string, rule: ClassificationRule) {
    if (busy.current) return;
    const system = current.systems.find((s) => s.id === systemId);
    if (!system) return;
    const parsed = parseSettings(withSystem(current, { ...system, rules: [...system.rules, rule] }));
    if (!parsed.ok) return showErrors(parsed.errors);
    exclusive(async () => {
      if (await commit(parsed.settings)) setNotice(t('suggest_added', rule.path ?? '', system.name));
    });
  }

  function removeSystem(id: string) {
    if (busy.current) return;
    const system = current.systems.find((s) => s.id === id);
    if (!system) return;
    const parsed = parseSettings(withoutSystem(current, id));
    if (!parsed.ok) return showErrors(parsed.errors);
    exclusive(async () => {
      if (!(await commit(parsed.settings))) return;
      if (editing?.id === id) setEditing(null);
      setNotice(t('settings_systemRemoved', system.name));
      focusNext.current = 'systems-heading';
    });
  }

  function refused(messages: string[]): Promise<boolean> {
    showErrors(messages);
    return Promise.resolve(false);
  }

  /** Resolves true once saved, so the section can clear its name box. */
  function addDesktopSystem(typed: string): Promise<boolean> {
    if (busy.current) return Promise.resolve(false);
    const name = typed.trim();
    if (name === '') return refused([t('settings_desktopNameMissing')]);
    // Two systems of one name could not be told apart in the timeline or the popup.
    const all = [...current.systems, ...current.desktopSystems];
    if (all.some((s) => s.name.toLowerCase() === name.toLowerCase())) return refused([t('settings_desktopNameTaken', name)]);
    // Web and desktop systems share one id space: a record's systemId names one or the other.
    const id = systemIdFromName(name, new Set(all.map((s) => s.id)));
    const parsed = parseSettings({ ...current, desktopSystems: [...current.desktopSystems, { id, name }] });
    if (!parsed.ok) return refused(parsed.errors);
    return exclusiveResult(async () => {
      if (!(await commit(parsed.settings))) return false;
      setNotice(t('settings_desktopAdded', name));
      return true;
    });
  }

  function removeDesktopSystem(system: DesktopSystem): Promise<boolean> {
    if (busy.current) return Promise.resolve(false);
    const parsed = parseSettings({ ...current, desktopSystems: current.desktopSystems.filter((s) => s.id !== system.id) });
    if (!parsed.ok) return refused(parsed.errors);
    return exclusiveResult(async () => {
      if (!(await commit(parsed.settings))) return false;
      setNotice(t('settings_desktopRemoved', system.name));
      return true;
    });
  }

  /** As `exclusive`, for a change whose caller needs to know if it was saved. */
  function exclusiveResult(run: () => Promise<boolean>): Promise<boolean> {
    busy.current = true;
    return run().finally(() => {
      busy.current = false;
    });
  }

  function saveTiming(values: TimingValues) {
    if (busy.current) return;
    // A value the policy sets is not the clinician's to save: keep their own.
    const own: TimingValues = {
      inactivityThresholdSec: isLocked('inactivityThresholdSec') ? current.inactivityThresholdSec : values.inactivityThresholdSec,
      readingAllowanceSec: isLocked('readingAllowanceSec') ? current.readingAllowanceSec : values.readingAllowanceSec,
    };
    const parsed = parseSettings({ ...current, ...own });
    if (!parsed.ok) return showErrors(parsed.errors);
    exclusive(async () => {
      if (await commit(parsed.settings)) setNotice(t('settings_timingSaved'));
    });
  }

  function saveSchedule(candidate: Schedule) {
    if (busy.current) return;
    const schedule = parseSchedule(candidate);
    if (!schedule.ok) return showErrors(schedule.errors);
    const parsed = parseSettings({ ...current, schedule: schedule.schedule });
    if (!parsed.ok) return showErrors(parsed.errors);
    exclusive(async () => {
      if (await commit(parsed.settings)) setNotice(t('settings_scheduleSaved'));
    });
  }

  function togglePaused() {
    if (busy.current) return;
    const parsed = parseSettings({ ...current, paused: !current.paused });
    if (!parsed.ok) return showErrors(parsed.errors);
    exclusive(async () => {
      if (await commit(parsed.settings)) setNotice(parsed.settings.paused ? t('settings_pausedNotice') : t('settings_resumedNotice'));
    });
  }

  function startEditing(draft: SystemDraft) {
    setErrors([]);
    setNotice('');
    setEditing(draft);
  }

  function cancelEditing() {
    setErrors([]);
    setEditing(null);
    focusNext.current = 'add';
  }

  return (
    <main class="page">
      <h1>{t('settings_heading')}</h1>
      <p class="lead">{t('settings_intro')}</p>
      {guide}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {loadProblem && <LoadWarning errors={loadProblem} />}
      {policy && <PolicyWarnings warnings={policy.warnings} />}
      {/* Always in the page, so screen readers announce changes to it. */}
      <p role="status" class={notice ? 'notice' : 'notice notice-empty'}>
        {notice}
      </p>

      <section class="section" aria-labelledby="systems-heading">
        <h2 id="systems-heading" ref={systemsHeading} tabIndex={-1}>
          {t('settings_systemsHeading')}
        </h2>
        <p>{t('settings_systemsIntro')}</p>
        {policy && <PolicySystems policy={policy} onAllow={allowPolicySystem} />}
        {isLocked('systems') ? (
          <p class="hint">{t('policy_systemsLocked')}</p>
        ) : (
          <SystemList systems={current.systems} onEdit={(s) => startEditing(draftFromSystem(s))} onRemove={removeSystem} />
        )}
        {isLocked('systems') ? null : editing ? (
          <SystemForm
            key={editing.id ?? 'new'}
            initial={editing}
            heading={editing.id ? t('settings_editHeading', current.systems.find((s) => s.id === editing.id)?.name ?? '') : t('settings_addHeading')}
            onSubmit={submitSystem}
            onCancel={cancelEditing}
          />
        ) : (
          <button type="button" class="button" ref={addButton} onClick={() => startEditing(emptyDraft())}>
            {t('settings_addSystem')}
          </button>
        )}
        {!isLocked('systems') &&
          api.pathShapes &&
          current.systems.filter((s) => s.rules.length === 0).map((s) => <SuggestedRules key={s.id} system={s} load={api.pathShapes!} onAddRule={addSuggestedRule} />)}
        {!isLocked('systems') && <CatalogueSection entries={mergeCatalogue(BUNDLED_CATALOGUE, policy?.catalogue ?? [])} systems={current.systems} onAdd={addFromCatalogue} />}
      </section>

      {isLocked('desktopSystems') ? (
        <fieldset disabled class="policy-locked">
          <DesktopSystemsSection systems={policy?.desktopSystems ?? []} onAdd={addDesktopSystem} onRemove={removeDesktopSystem} />
          <p class="hint">{t('policy_desktopLocked')}</p>
        </fieldset>
      ) : (
        <DesktopSystemsSection systems={current.desktopSystems} onAdd={addDesktopSystem} onRemove={removeDesktopSystem} />
      )}

      <TimingForm
        values={{
          inactivityThresholdSec: policy && isLocked('inactivityThresholdSec') ? policy.values.inactivityThresholdSec : current.inactivityThresholdSec,
          readingAllowanceSec: policy && isLocked('readingAllowanceSec') ? policy.values.readingAllowanceSec : current.readingAllowanceSec,
        }}
        locked={{ inactivityThresholdSec: isLocked('inactivityThresholdSec'), readingAllowanceSec: isLocked('readingAllowanceSec') }}
        onSave={saveTiming}
      />

      {policy && isLocked('schedule') ? (
        <fieldset disabled class="policy-locked">
          <ScheduleForm schedule={policy.values.schedule} onSave={saveSchedule} />
          <p class="hint">{t('policy_scheduleLocked')}</p>
        </fieldset>
      ) : (
        <ScheduleForm schedule={current.schedule} onSave={saveSchedule} focusOnMount={focusSchedule} />
      )}

      <PauseToggle paused={current.paused} onToggle={togglePaused} />

      {api.data && <YourDataSection api={api.data} retentionDays={current.retentionDays} />}
    </main>
  );
}

/** A promise even when the call throws synchronously (an API missing or misused). */
function attempt(call: () => Promise<boolean>): Promise<boolean> {
  try {
    return call().catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
