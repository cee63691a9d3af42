import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/background/worker.js';
import type { PolicyView } from '../../src/core/policy.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type ClinicalSystem, type Settings } from '../../src/core/settings.js';
import { EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

const T0 = Date.parse('2026-05-12T08:00:00Z');
const OWN: ClinicalSystem = { id: 'own', name: 'My system', matches: ['https://own.example.nhs.uk/*'], rules: [], useGenericRules: false, signInPatterns: [] };
const POLICY_EHR = { id: 'trust-ehr', name: 'Trust EHR', matches: ['https://ehr.example-trust.nhs.uk/*'], rules: [{ path: '/notes/*', category: 'documentation', priority: 5 }], useGenericRules: false };
const EHR_URL = 'https://ehr.example-trust.nhs.uk/notes/1';

const clinician: Settings = { ...DEFAULT_SETTINGS, systems: [OWN, { ...OWN, id: 'trust-ehr', name: 'My own copy', matches: ['https://old.example.nhs.uk/*'] }] };
const pageSender = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}dashboard.html` };
const tabSender = (url: string) => ({ id: EXTENSION_ID, url, tab: { id: 7 }, frameId: 0 });

describe('service worker with an enterprise policy (storage.managed)', () => {
  let f: ReturnType<typeof fakePorts>;

  beforeEach(async () => {
    f = fakePorts(T0);
    f.reset();
    f.world.granted = new Set(['https://own.example.nhs.uk/*', 'https://ehr.example-trust.nhs.uk/*', 'https://old.example.nhs.uk/*']);
    await f.storage.set({ [SETTINGS_KEY]: clinician });
  });
  afterEach(() => f.reset());

  it('tracks the policy systems (replacing the clinician’s of the same id) where host access was granted', async () => {
    f.world.policy = { clinicalSystems: [POLICY_EHR] };
    const w = createWorker(f.ports);
    await w.onStart();
    expect(f.world.registered.map((r) => [r.id, r.matches])).toEqual([
      ['system-trust-ehr', ['https://ehr.example-trust.nhs.uk/*']],
      ['system-own', ['https://own.example.nhs.uk/*']],
    ]);
    expect(await w.handleMessage({ type: 'contentConfig', body: {} }, tabSender(EHR_URL))).toMatchObject({ systemId: 'trust-ehr', rules: [POLICY_EHR.rules[0]] });
    expect(await w.handleMessage({ type: 'contentConfig', body: {} }, tabSender('https://old.example.nhs.uk/x'))).toBeUndefined(); // no system claims it: ignored
  });

  it('does not register a policy system the browser has not granted access to', async () => {
    f.world.granted.delete('https://ehr.example-trust.nhs.uk/*');
    f.world.policy = { clinicalSystems: [POLICY_EHR] };
    await createWorker(f.ports).onStart();
    expect(f.world.registered.map((r) => r.id)).toEqual(['system-own']);
  });

  it('a policy change (onSettingsChanged, as storage.onChanged "managed" calls it) re-syncs the content scripts', async () => {
    const w = createWorker(f.ports);
    await w.onStart();
    expect(f.world.registered.map((r) => r.id).sort()).toEqual(['system-own', 'system-trust-ehr']);
    f.world.policy = { clinicalSystems: [POLICY_EHR], lockedSettings: ['systems'] };
    await w.onSettingsChanged();
    expect(f.world.registered.map((r) => [r.id, r.matches])).toEqual([['system-trust-ehr', ['https://ehr.example-trust.nhs.uk/*']]]);
  });

  it('pausing saves the clinician’s own settings, never the policy’s systems or values', async () => {
    f.world.policy = { clinicalSystems: [POLICY_EHR], inactivityThresholdSec: 20 };
    const w = createWorker(f.ports);
    await w.onStart();
    await w.handleMessage({ type: 'setPaused', body: { paused: true } }, pageSender);
    const stored = (await f.storage.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings;
    expect(stored).toEqual({ ...clinician, paused: true });
  });

  it('answers getPolicy to extension pages only: locked settings, policy systems, values and warnings', async () => {
    f.world.policy = { clinicalSystems: [POLICY_EHR, { id: 'bad', name: 'Bad', matches: ['<all_urls>'] }], readingAllowanceSec: 120, lockedSettings: ['systems'], teamReportThreshold: 5 };
    const w = createWorker(f.ports);
    const view = (await w.handleMessage({ type: 'getPolicy', body: {} }, pageSender)) as PolicyView;
    expect(view.locked).toEqual(['systems', 'readingAllowanceSec']);
    expect(view.fromPolicy).toEqual({ systems: ['trust-ehr'], desktopSystems: [] });
    expect(view.systems.map((s) => s.name)).toEqual(['Trust EHR']);
    expect(view.values.readingAllowanceSec).toBe(120);
    expect(view.warnings).toHaveLength(2);
    expect(view.warnings.join('\n')).toMatch(/clinicalSystems.*item 2/);
    expect(view.warnings.join('\n')).toMatch(/teamReportThreshold/);
    expect(await w.handleMessage({ type: 'getPolicy', body: {} }, tabSender(EHR_URL))).toBeUndefined();
  });

  it('without managed storage ({}), everything is the clinician’s', async () => {
    const w = createWorker(f.ports);
    const view = (await w.handleMessage({ type: 'getPolicy', body: {} }, pageSender)) as PolicyView;
    expect(view).toMatchObject({ locked: [], warnings: [], fromPolicy: { systems: [], desktopSystems: [] }, systems: [] });
  });

  it('a policy that cannot be read at all is treated as none', async () => {
    f.ports.loadPolicy = () => Promise.reject(new Error('Managed storage is not available'));
    const w = createWorker(f.ports);
    await w.onStart();
    expect(f.world.registered.map((r) => r.id).sort()).toEqual(['system-own', 'system-trust-ehr']);
  });
});
