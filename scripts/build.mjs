#!/usr/bin/env node
// Builds every variant from the one manifest.json:
//   dist/chrome       release build for Chrome and Edge
//   dist/firefox      release build for Firefox (background.scripts, gecko settings)
//   dist/chrome-test  Chrome build that pre-grants loopback origins only, for e2e tests and `npm start`
//   dist/firefox-test Firefox build that requests loopback origins at install, for the Firefox smoke test
// `--package` also writes store-ready zips to dist/packages/. `--dev` keeps sourcemaps.
import { build } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/** The development/test build's public key and the extension id it yields (scripts/dev-extension-key.json). */
export const DEV_EXTENSION_KEY = JSON.parse(readFileSync(path.join(root, 'scripts', 'dev-extension-key.json'), 'utf8'));

export function variantManifest(base, variant) {
  const m = structuredClone(base);
  if (variant === 'firefox') {
    m.background = { scripts: ['background.js'] };
    // Timeback collects nothing: data stays on the device unless the clinician exports it.
    m.browser_specific_settings = { gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } }, gecko_android: { strict_min_version: '142.0' } };
    delete m.minimum_chrome_version;
    delete m.options_ui.open_in_tab;
    m.options_ui.open_in_tab = true;
    // Firefox has no managed_schema: it reads storage.managed from policies.json ("3rdparty"), unvalidated (docs/deployment.md).
    delete m.storage;
  }
  if (variant === 'firefox-test') {
    // Firefox grants MV3 `host_permissions` at install; the release build has only optional ones.
    const m2 = variantManifest(base, 'firefox');
    m2.host_permissions = [...TEST_HOST_PERMISSIONS];
    m2.name = 'Timeback (test build)';
    return m2;
  }
  if (variant === 'chrome-test') {
    m.host_permissions = [...TEST_HOST_PERMISSIONS];
    m.name = 'Timeback (test build)';
    // A public key (no private key exists) gives the unpacked test build a stable id, so policies can name it.
    m.key = DEV_EXTENSION_KEY.key;
  }
  return m;
}

/**
 * Preact's DOM diff supports `dangerouslySetInnerHTML` by assigning
 * `el.innerHTML = props.dangerouslySetInnerHTML.__html`. Timeback never uses
 * that prop (test/unit/noInnerHtml.test.ts fails if any src file does), but
 * addons-linter rightly flags the dynamic innerHTML assignment
 * (UNSAFE_VAR_ASSIGNMENT) in popup.js and dashboard.js. At bundle time, for
 * every build, we replace that one assignment with a throw: if the prop ever
 * reached the DOM, rendering would fail loudly rather than inject HTML. The
 * build stops if the pattern is not found exactly once (for example after a
 * Preact upgrade), so the transform can never silently do nothing.
 */
export const PREACT_INNER_HTML = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;
export const PREACT_INNER_HTML_REPLACEMENT = '(()=>{throw new Error("Timeback does not support dangerouslySetInnerHTML")})()';

export function stripPreactInnerHtml(source) {
  const found = source.match(PREACT_INNER_HTML) ?? [];
  if (found.length !== 1) throw new Error(`expected one dangerouslySetInnerHTML assignment in Preact, found ${found.length}: update stripPreactInnerHtml in scripts/build.mjs`);
  return source.replace(PREACT_INNER_HTML, PREACT_INNER_HTML_REPLACEMENT);
}

const noDangerousInnerHtml = {
  name: 'no-dangerous-inner-html',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(module\.js|mjs)$/ }, async (args) => ({
      contents: stripPreactInnerHtml(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

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
    plugins: [noDangerousInnerHtml],
  });
}

export async function buildAll() {
  const base = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
  const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  if (base.version !== pkg.version) throw new Error(`manifest.json version ${base.version} differs from package.json ${pkg.version}`);
  const staging = path.join(root, 'dist', '.bundle');
  await rm(path.join(root, 'dist'), { recursive: true, force: true });
  await bundle(staging);
  for (const variant of ['chrome', 'firefox', 'chrome-test', 'firefox-test']) {
    const out = path.join(root, 'dist', variant);
    await mkdir(out, { recursive: true });
    await cp(path.join(root, 'extension'), out, { recursive: true });
    // The enterprise policy schema the manifest's storage.managed_schema names (docs/deployment.md).
    await cp(path.join(root, 'schemas', 'managed-storage.schema.json'), path.join(out, 'managed-storage.schema.json'));
    await cp(staging, out, { recursive: true });
    await writeFile(path.join(out, 'manifest.json'), JSON.stringify(variantManifest(base, variant), null, 2) + '\n');
    // The bench's empty extension page (its floor for the paint budgets): the test build only.
    if (variant === 'chrome-test') await cp(path.join(root, 'bench', 'floor'), out, { recursive: true });
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
  console.log(`built dist/chrome, dist/firefox, dist/chrome-test, dist/firefox-test${dev ? ' (dev, sourcemaps)' : ''}`);
}
