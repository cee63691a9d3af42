#!/usr/bin/env node
// `npm run bench [-- --smoke] [-- --out file]`: builds the extension, bundles
// the TypeScript bench (bench/main.ts) with esbuild and runs it in the
// clinician's time zone. See docs/performance.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { ensureBrowsers } from '../scripts/ensure-browsers.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

ensureBrowsers();
if (!args.includes('--no-build')) {
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const outfile = path.join(root, '.tmp', 'bench', 'main.mjs');
mkdirSync(path.dirname(outfile), { recursive: true });
await build({
  entryPoints: [path.join(root, 'bench/main.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  // Loaded from node_modules at run time: they find their own files relative to themselves.
  external: ['playwright-core', 'esbuild', 'fake-indexeddb', 'puppeteer-core'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [sourceLocation()],
});
/**
 * The bench reuses the e2e helpers and the demo server, which find their
 * files from import.meta; in one bundle that would be the bundle's own place,
 * so each source file gets its own location written in.
 */
function sourceLocation() {
  return {
    name: 'source-location',
    setup(b) {
      b.onLoad({ filter: /\.(ts|tsx|mjs)$/ }, async (args) => {
        if (args.path.includes('node_modules')) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta')) return undefined;
        const contents = text
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
        return { contents, loader: args.path.endsWith('.mjs') ? 'js' : args.path.endsWith('.tsx') ? 'tsx' : 'ts' };
      });
    },
  };
}

const r = spawnSync(process.execPath, [outfile, ...args.filter((a) => a !== '--no-build')], { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'Europe/London' } });
process.exit(r.status ?? 1);
