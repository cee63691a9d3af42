import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { DEV_EXTENSION_KEY } from '../../scripts/build.mjs';
import { launchExtension, type TimebackBrowser } from './support/extension.js';

/**
 * Enterprise policy in real Chromium: on Linux, Chromium reads managed
 * policies from /etc/chromium/policies/managed/*.json. The test writes one
 * for the test build's stable id (a system Timeback refuses, to see the
 * warning, and locks), and removes it afterwards. It needs to be able to
 * write there (CI runs as root); it fails, never skips, when it cannot.
 * Chromium itself drops values of the wrong type (checked against
 * managed_schema); Timeback's own checks warn about the rest.
 */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'timeback-e2e-test.json');

describe('enterprise policy in real Chromium', () => {
  let tb: TimebackBrowser;

  beforeAll(async () => {
    try {
      mkdirSync(POLICY_DIR, { recursive: true });
      writeFileSync(
        POLICY_FILE,
        JSON.stringify({
          '3rdparty': {
            extensions: {
              [DEV_EXTENSION_KEY.id]: {
                clinicalSystems: [
                  { id: 'trust-ehr', name: 'Trust EHR', matches: ['http://127.0.0.1/*'], rules: [], useGenericRules: true, signInPatterns: [] },
                  // Valid for Chromium's schema (a string), refused by Timeback: every website.
                  { id: 'everything', name: 'Everything', matches: ['<all_urls>'], rules: [], useGenericRules: true, signInPatterns: [] },
                ],
                inactivityThresholdSec: 45,
                lockedSettings: ['inactivityThresholdSec', 'systems'],
              },
            },
          },
        }),
      );
    } catch (error) {
      throw new Error(`Cannot write the test policy to ${POLICY_FILE} (${String(error)}): run the tests as root, as CI does.`);
    }
    tb = await launchExtension();
  });

  afterAll(async () => {
    await tb?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('loads the test build under its stable id', () => {
    expect(tb.extensionId).toBe(DEV_EXTENSION_KEY.id);
  });

  it('applies policy values, keeps the clinician from changing locked ones, and warns about the invalid one', async () => {
    const view = (await tb.extensionPage.evaluate(() => chrome.runtime.sendMessage({ type: 'getPolicy', body: {} }))) as { locked: string[]; warnings: string[] };
    expect(view.locked).toEqual(expect.arrayContaining(['inactivityThresholdSec', 'systems']));
    // Chromium drops values of the wrong type against managed_schema itself; Timeback warns about the rest, field by field.
    expect(view.warnings.join(' ')).toContain('every website');
    const today = (await tb.today()) as { params: { inactivityThresholdSec: number }; systemsConfigured: number };
    expect(today.params.inactivityThresholdSec).toBe(45);
    expect(today.systemsConfigured).toBe(1);

    const settings = await tb.context.newPage();
    await settings.goto(tb.url('dashboard.html'));
    await settings.getByRole('button', { name: 'Settings', exact: true }).click();
    await settings.getByText('Trust EHR').first().waitFor();
    const body = (await settings.locator('main').textContent()) ?? '';
    expect(body).toContain('Set by your organisation.');
    expect(body).toContain("Part of your organisation's settings could not be used");
    await settings.close();
  });
});
