#!/usr/bin/env node
// Builds every variant from the one manifest.json:
//   dist/chrome       release build for Chrome and Edge
//   dist/firefox      release build for Firefox (background.scripts, gecko settings)
//   dist/chrome-test  Chrome build that pre-grants loopback origins only, for e2e tests and `npm start`
// `--package` also writes store-ready zips to dist/packages/. `--dev` keeps sourcemaps.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');

export const ENTRY_POINTS = {
  background: 'src/background/main.ts',
  content: 'src/content/main.ts',
  popup: 'src/popup/main.tsx',
  dashboard: 'src/dashboard/main.tsx',
};

/** Loopback only: what the test build may touch without a permission prompt. */
export const TEST_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'];
export const GECKO_ID = 'timeback@timeback.invalid';

export function variantManifest(base, variant) {
  const m = structuredClone(base);
  if (variant === 'firefox') {
    m.background = { scripts: ['background.js'] };
    // Timeback collects nothing: data stays on the device unless the clinician exports it.
    m.browser_specific_settings = { gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } };
    delete m.minimum_chrome_version;
    delete m.options_ui.open_in_tab;
    m.options_ui.open_in_tab = true;
  }
  if (variant === 'chrome-test') {
    m.host_permissions = [...TEST_HOST_PERMISSIONS];
    m.name = 'Timeback (test build)';
  }
  return m;
}

async function bundle(outdir) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRY_POINTS).map(([k, v]) => [k, path.join(root, v)])),
    outdir,
    bundle: true,
    format: 'iife',
    target: ['chrome116', 'firefox140'],
    minify: !dev,
    sourcemap: dev ? 'linked' : false,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
    logLevel: 'warning',
  });
}

export async function buildAll() {
  const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  if (base.version !== pkg.version) throw new Error(`manifest.json version ${base.version} differs from package.json ${pkg.version}`);
  const staging = path.join(root, 'dist', '.bundle');
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await bundle(staging);
  for (const variant of ['chrome', 'firefox', 'chrome-test']) {
    const out = path.join(root, 'dist', variant);
    await mkdir(out, { recursive: true });
    await cp(path.join(root, 'extension'), out, { recursive: true });
    await cp(staging, out, { recursive: true });
    await writeFile(path.join(out, 'manifest.json'), JSON.stringify(variantManifest(base, variant), null, 2) + '\n');
  }
  await rm(staging, { recursive: true, force: true });
  if (args.has('--package')) {
    const pkgDir = path.join(root, 'dist', 'packages');
    await mkdir(pkgDir, { recursive: true });
    for (const variant of ['chrome', 'firefox']) {
      const zip = path.join(pkgDir, `timeback-${variant}-${base.version}.zip`);
      if (existsSync(zip)) await rm(zip);
      execFileSync(path.join(root, 'node_modules', '.bin', 'web-ext'), ['build', '--source-dir', path.join(root, 'dist', variant), '--artifacts-dir', pkgDir, '--filename', path.basename(zip), '--overwrite-dest'], { stdio: 'ignore' });
      console.log(`packaged ${path.relative(root, zip)}`);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildAll();
  console.log(`built dist/chrome, dist/firefox, dist/chrome-test${dev ? ' (dev, sourcemaps)' : ''}`);
}
