// @vitest-environment happy-dom
import { containerPerTest } from '../support/domQueries.js';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SiteStatus } from '../../src/core/siteTracking.js';
import type { PopupApi } from '../../src/popup/api.js';
import { Popup } from '../../src/popup/Popup.js';
import type { TrackSiteResult } from '../../src/protocol.js';
import { installEnGbMessages } from '../../src/ui/enGbMessages.js';
import { fakeApi, summary } from './popupFakes.js';

let container: HTMLElement;
beforeAll(() => installEnGbMessages());
containerPerTest((c) => (container = c));

const untracked: SiteStatus = {
  kind: 'untracked',
  host: 'www.trust.example.nhs.uk',
  name: 'www.trust.example.nhs.uk',
  entryId: null,
  choices: [
    { scope: 'origin', matches: ['https://www.trust.example.nhs.uk/*'], origins: ['https://www.trust.example.nhs.uk/*'] },
    { scope: 'domain', matches: ['https://*.trust.example.nhs.uk/*'], origins: ['https://*.trust.example.nhs.uk/*'] },
  ],
  blocked: null,
};
const tracked: SiteStatus = { kind: 'tracked', systemId: 'trust', name: 'www.trust.example.nhs.uk', fromPolicy: false };

/** A popup api with a site; the order of calls is recorded, to prove the permission request comes first. */
function siteApi(site: SiteStatus, opts: { grant?: boolean; systems?: number } = {}) {
  const calls: string[] = [];
  const base = fakeApi(summary({ systemsConfigured: opts.systems ?? 0 }));
  let current = site;
  const api: PopupApi & typeof base = {
    ...base,
    site: vi.fn(async () => current),
    requestOrigins: vi.fn((origins: string[]) => {
      calls.push(`request ${origins.join(' ')}`);
      return Promise.resolve(opts.grant ?? true);
    }),
    trackSite: vi.fn(async (scope: string): Promise<TrackSiteResult> => {
      calls.push(`track ${scope}`);
      current = tracked;
      base.state.current = { ...base.state.current, systemsConfigured: 1 };
      return { ok: true, site: current };
    }),
    stopTrackingSite: vi.fn(async (): Promise<TrackSiteResult> => {
      calls.push('stop');
      current = untracked;
      return { ok: true, site: current };
    }),
  };
  return { api, calls };
}

async function show(api: PopupApi) {
  await act(async () => {
    render(<Popup api={api} />, container);
  });
  await act(async () => {});
  await act(async () => {});
}
const text = () => container.textContent ?? '';
const button = (name: string) => {
  const b = [...container.querySelectorAll('button')].find((el) => el.textContent === name);
  if (!b) throw new Error(`no button "${name}" in: ${text()}`);
  return b;
};
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
  });
  await act(async () => {});
  await act(async () => {});
}

describe('popup: Track this site', () => {
  it('offers to track an untracked page, with its host and the two scopes, and nothing else from the page', async () => {
    const { api } = siteApi(untracked);
    await show(api);
    expect(text()).toContain('Timeback is not tracking www.trust.example.nhs.uk and reads nothing from it.');
    const radios = [...container.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(['Only www.trust.example.nhs.uk', 'trust.example.nhs.uk and all its subdomains']);
    expect(radios[0]!.checked).toBe(true);
    expect(text()).toContain('match pattern: https://www.trust.example.nhs.uk/*');
    button('Track this site');
  });

  it('asks the browser for exactly the chosen origins first, in the click, then tracks and shows the system', async () => {
    const { api, calls } = siteApi(untracked);
    await show(api);
    const domain = container.querySelectorAll<HTMLInputElement>('input[type=radio]')[1]!;
    await act(async () => {
      domain.click();
    });
    expect(text()).toContain('match pattern: https://*.trust.example.nhs.uk/*');
    const b = button('Track this site');
    // The request must happen synchronously inside the click handler (the browser's user gesture).
    b.click();
    expect(calls).toEqual(['request https://*.trust.example.nhs.uk/*']);
    for (let i = 0; i < 6; i++) await act(async () => {});
    expect(calls).toEqual(['request https://*.trust.example.nhs.uk/*', 'track domain']);
    expect(text()).toContain('Timeback counts time on this page as www.trust.example.nhs.uk.');
    button('Stop tracking this site');
    // Today's summary is asked again: the popup leaves its empty state.
    expect(api.getToday).toHaveBeenCalledTimes(2);
  });

  it('changes nothing when the browser refuses access, and says so', async () => {
    const { api, calls } = siteApi(untracked, { grant: false });
    await show(api);
    await click(button('Track this site'));
    expect(calls).toEqual(['request https://www.trust.example.nhs.uk/*']);
    expect(api.trackSite).not.toHaveBeenCalled();
    expect(container.querySelector('[role=alert]')?.textContent).toBe('The browser did not allow access to this site, so nothing changed.');
  });

  it('offers Stop tracking on a tracked page, and not for an organisation’s system', async () => {
    const { api, calls } = siteApi(tracked, { systems: 1 });
    await show(api);
    await click(button('Stop tracking this site'));
    expect(calls).toEqual(['stop']);
    expect(text()).toContain('Timeback is not tracking www.trust.example.nhs.uk');
    render(null, container);
    const policy = siteApi({ ...tracked, fromPolicy: true }, { systems: 1 });
    await show(policy.api);
    expect(text()).toContain('Your organisation set this system');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Stop tracking this site');
  });

  it('shows no button when the organisation chose the systems, and nothing for a browser page', async () => {
    const { api } = siteApi({ ...untracked, blocked: 'locked' });
    await show(api);
    expect(text()).toContain('Your organisation chooses which systems Timeback tracks.');
    expect([...container.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Track this site');
    render(null, container);
    await show(siteApi({ kind: 'unavailable' }).api);
    expect(container.querySelector('.site-section')).toBeNull();
  });

  it('shows the catalogue name and its patterns, with no scope choice', async () => {
    const { api } = siteApi({ kind: 'untracked', host: 'ers.nhs.uk', name: 'e-Referral Service', entryId: 'ers', choices: [{ scope: 'catalogue', matches: ['https://ers.nhs.uk/*'], origins: ['https://ers.nhs.uk/*'] }], blocked: null });
    await show(api);
    expect(container.querySelectorAll('input[type=radio]')).toHaveLength(0);
    expect(text()).toContain('It will be tracked as e-Referral Service (match pattern: https://ers.nhs.uk/*).');
  });
});
