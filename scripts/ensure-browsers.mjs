#!/usr/bin/env node
// Make sure both browsers the end-to-end tests drive are installed: Debian's
// Chromium at /usr/bin/chromium and Firefox ESR at /usr/bin/firefox-esr.
// Installs what is missing when running as root (CI does), otherwise stops with
// the exact command to run. Never skips.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { ensureChromium } from './ensure-chromium.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_INSTALL_COMMAND = 'apt-get install -y firefox-esr';

export function ensureFirefox() {
  if (existsSync(FIREFOX)) return FIREFOX;
  if (process.getuid?.() === 0) {
    const cmd = `apt-get update && ${FIREFOX_INSTALL_COMMAND}`;
    console.log(`Firefox ESR is missing: running "${cmd}"`);
    execSync(cmd, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(FIREFOX)) return FIREFOX;
  }
  console.error(`Firefox ESR is missing at ${FIREFOX}. Install it, then run again:\n\n  sudo ${FIREFOX_INSTALL_COMMAND}\n`);
  process.exit(1);
}

export function ensureBrowsers() {
  return { chromium: ensureChromium(), firefox: ensureFirefox() };
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowsers();
