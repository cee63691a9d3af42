import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorker } from '../../src/background/worker.js';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../../src/core/settings.js';
import { CANARY_ID, CANARY_NAME, CANARY_NHS_NUMBER, CANARY_STRINGS, canaryUrl } from '../fixtures/demo/canary.mjs';
import { dumpEverything, EXTENSION_ID, EXTENSION_ORIGIN, fakePorts } from '../support/fakePorts.js';

const T0 = Date.parse('2026-05-12T08:00:00Z');
const popup = { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}popup.html` };
const DEMO = canaryUrl('http://127.0.0.1:4321', 'notes');
const ERS_PAGE = `https://ers.nhs.uk/referrals/${CANARY_NHS_NUMBER}?name=${encodeURIComponent(CANARY_NAME)}`;

describe('Track this site (worker)', () => {
  let f: ReturnType<typeof fakePorts>;
  const send = (w: ReturnType<typeof createWorker>, type: string, body: object, sender: object = popup) => w.handleMessage({ type, body }, sender as never);
  const stored = async () => (await f.storage.get(SETTINGS_KEY))[SETTINGS_KEY] as Settings | undefined;

  beforeEach(() => {
    f = fakePorts(T0);
    f.reset();
    f.world.tabs.set(5, { url: DEMO });
    f.world.tabs.set(6, { url: ERS_PAGE });
    f.world.tabs.set(7, { url: 'chrome://extensions/' });
  });
  afterEach(() => f.reset());

  async function worker() {
    const w = createWorker(f.ports);
    await w.onStart();
    return w;
  }

  it('offers the origin for an untracked page, named from its host, and reads nothing else', async () => {
    const w = await worker();
    const site = await send(w, 'getSite', { tabId: 5 });
    expect(site).toEqual({
      kind: 'untracked',
      host: '127.0.0.1',
      name: '127.0.0.1',
      entryId: null,
      choices: [{ scope: 'origin', matches: ['http://127.0.0.1/*'], origins: ['http://127.0.0.1/*'] }],
      blocked: null,
    });
    for (const s of [...CANARY_STRINGS, CANARY_ID, 'notes']) expect(JSON.stringify(site)).not.toContain(s);
    expect(await stored()).toBeUndefined();
    expect(f.world.registered).toEqual([]);
  });

  it('proposes the catalogue entry for a catalogued page', async () => {
    const w = await worker();
    expect(await send(w, 'getSite', { tabId: 6 })).toMatchObject({ kind: 'untracked', name: 'e-Referral Service', entryId: 'ers', choices: [{ scope: 'catalogue', matches: ['https://ers.nhs.uk/*'], origins: ['https://ers.nhs.uk/*'] }] });
  });

  it('an organisation’s catalogue entry is proposed for its pages', async () => {
    f.world.policy = { catalogue: [{ id: 'trust-epr', name: 'Trust EPR', matches: ['https://epr.trust.nhs.uk/*'] }] };
    f.world.tabs.set(8, { url: 'https://epr.trust.nhs.uk/clinic/1' });
    const w = await worker();
    expect(await send(w, 'getSite', { tabId: 8 })).toMatchObject({ kind: 'untracked', name: 'Trust EPR', entryId: 'trust-epr' });
  });

  it('says unavailable for a browser page, a closed tab or a bad tab id', async () => {
    const w = await worker();
    for (const tabId of [7, 99, -3, 'x' as unknown as number]) expect(await send(w, 'getSite', { tabId })).toEqual({ kind: 'unavailable' });
  });

  it('tracks the site once access is granted: saves the system, registers and injects its script, and says so', async () => {
    const w = await worker();
    const result = await send(w, 'trackSite', { tabId: 5, scope: 'origin' });
    expect(result).toEqual({ ok: true, site: { kind: 'tracked', systemId: '127-0-0-1', name: '127.0.0.1', fromPolicy: false } });
    expect((await stored())!.systems).toEqual([{ id: '127-0-0-1', name: '127.0.0.1', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: true, signInPatterns: [] }]);
    expect(f.world.registered).toEqual([{ id: 'system-127-0-0-1', matches: ['http://127.0.0.1/*'], allFrames: true, matchOriginAsFallback: true }]);
    expect(f.world.injected).toEqual([['http://127.0.0.1/*']]);
    // The content script injected into the tab now gets its configuration.
    expect(await send(w, 'contentConfig', {}, { id: EXTENSION_ID, url: DEMO, tab: { id: 5 }, frameId: 0 })).toMatchObject({ systemId: '127-0-0-1' });
    const dump = await dumpEverything(f.ports);
    for (const s of [...CANARY_STRINGS, CANARY_ID, 'notes?', ':4321']) expect(dump).not.toContain(s);
  });

  it('changes nothing without the site access, for a choice it did not offer, or when the organisation chose the systems', async () => {
    const w = await worker();
    expect(await send(w, 'trackSite', { tabId: 6, scope: 'catalogue' })).toMatchObject({ ok: false, reason: 'noAccess' });
    expect(await send(w, 'trackSite', { tabId: 5, scope: 'domain' })).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await send(w, 'trackSite', { tabId: 7, scope: 'origin' })).toEqual({ ok: true, site: { kind: 'unavailable' } });
    f.world.policy = { lockedSettings: ['systems'] };
    await w.onSettingsChanged();
    expect(await send(w, 'trackSite', { tabId: 5, scope: 'origin' })).toMatchObject({ ok: false, reason: 'locked' });
    expect(await stored()).toBeUndefined();
    expect(f.world.registered).toEqual([]);
  });

  it('adds a catalogue entry with its own id and rules once granted', async () => {
    f.world.granted.add('https://ers.nhs.uk/*');
    const w = await worker();
    expect(await send(w, 'trackSite', { tabId: 6, scope: 'catalogue' })).toMatchObject({ ok: true, site: { kind: 'tracked', systemId: 'ers', name: 'e-Referral Service' } });
    expect((await stored())!.systems[0]).toMatchObject({ id: 'ers', rules: [{ selector: 'input[type=password]', category: 'login_auth', priority: 100 }, { path: '/*', category: 'referrals', priority: 0 }] });
  });

  it('ignores the messages from a content script', async () => {
    const w = await worker();
    expect(await send(w, 'trackSite', { tabId: 5, scope: 'origin' }, { id: EXTENSION_ID, url: DEMO, tab: { id: 5 }, frameId: 0 })).toBeUndefined();
    expect(await stored()).toBeUndefined();
  });

  it('stops tracking: removes the system, unregisters it and gives back the access nothing else needs', async () => {
    f.world.granted.add('https://ers.nhs.uk/*');
    await f.storage.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, systems: [{ id: 'ers', name: 'e-RS', matches: ['https://ers.nhs.uk/*'], rules: [], useGenericRules: true, signInPatterns: [] }] } });
    const w = await worker();
    expect(f.world.registered).toHaveLength(1);
    expect(await send(w, 'getSite', { tabId: 6 })).toEqual({ kind: 'tracked', systemId: 'ers', name: 'e-RS', fromPolicy: false });
    expect(await send(w, 'stopTrackingSite', { tabId: 6 })).toMatchObject({ ok: true, site: { kind: 'untracked', entryId: 'ers' } });
    expect((await stored())!.systems).toEqual([]);
    expect(f.world.registered).toEqual([]);
    expect(f.world.granted.has('https://ers.nhs.uk/*')).toBe(false);
  });

  it('does not stop a system the organisation set', async () => {
    f.world.policy = { clinicalSystems: [{ id: 'demo', name: 'Demo', matches: ['http://127.0.0.1/*'] }] };
    const w = await worker();
    expect(await send(w, 'getSite', { tabId: 5 })).toEqual({ kind: 'tracked', systemId: 'demo', name: 'Demo', fromPolicy: true });
    expect(await send(w, 'stopTrackingSite', { tabId: 5 })).toMatchObject({ ok: false, reason: 'locked' });
    expect(f.world.registered).toHaveLength(1);
  });
});
