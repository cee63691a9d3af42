#!/usr/bin/env node
// Saves the HTML of every demo page under test/fixtures/demo-html/, with
// pages.json naming each file's URL path, for the classification fixture
// tests (test/unit/classificationFixtures.test.ts), which parse the saved
// pages with happy-dom instead of running the server.
//
//   node scripts/save-demo-html.mjs
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { canaryUrl } from '../test/fixtures/demo/canary.mjs';
import { startDemoServer } from '../test/fixtures/demo/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'test/fixtures/demo-html');

/** File name → URL (relative to the server, or built by canaryUrl). */
const PAGES = {
  'login.html': '/login',
  'home.html': '/home',
  'search.html': '/patients/search',
  'search-canary.html': (base) => canaryUrl(base, 'search'),
  'record.html': (base) => canaryUrl(base, 'record'),
  'notes.html': (base) => canaryUrl(base, 'notes'),
  'results.html': (base) => canaryUrl(base, 'results'),
  'prescribing.html': (base) => canaryUrl(base, 'prescribing'),
  'referrals.html': (base) => canaryUrl(base, 'referrals'),
  'inbox.html': '/inbox',
  'not-found.html': '/nowhere',
};

const demo = await startDemoServer({ port: 0 });
try {
  await mkdir(out, { recursive: true });
  const manifest = [];
  for (const [file, where] of Object.entries(PAGES)) {
    const url = typeof where === 'function' ? where(demo.url) : `${demo.url}${where}`;
    const res = await fetch(url);
    if (res.status !== 200 && !(file === 'not-found.html' && res.status === 404)) throw new Error(`${url}: HTTP ${res.status}`);
    await writeFile(path.join(out, file), await res.text());
    // Only the path: it is all a rule may see of the URL.
    manifest.push({ file, pathname: new URL(res.url).pathname });
  }
  await writeFile(path.join(out, 'pages.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`saved ${manifest.length} pages to ${path.relative(root, out)}`);
} finally {
  await demo.close();
}
