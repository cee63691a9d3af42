#!/usr/bin/env node
// Make sure Debian's Chromium is at /usr/bin/chromium: install it when running
// as root, otherwise stop with the exact command to run. Never skips.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_COMMAND = 'apt-get update && apt-get install -y chromium';

export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() === 0) {
    console.log(`Chromium is missing: running "${INSTALL_COMMAND}"`);
    execSync(INSTALL_COMMAND, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync(CHROMIUM)) return CHROMIUM;
  }
  console.error(`Chromium is missing at ${CHROMIUM}. Install it, then run again:\n\n  sudo apt-get install -y chromium\n`);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) ensureChromium();
