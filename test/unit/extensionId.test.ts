import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain ESM build script without type declarations
import { DEV_EXTENSION_KEY, variantManifest } from '../../scripts/build.mjs';

const base = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../manifest.json'), 'utf8'));

/** Chromium's extension id: the first 128 bits of SHA-256 of the public key, as letters a–p. */
function idFromKey(keyBase64: string): string {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

describe('stable extension id for unpacked development builds', () => {
  it('the committed public key yields the documented id', () => {
    expect(idFromKey(DEV_EXTENSION_KEY.key)).toBe(DEV_EXTENSION_KEY.id);
  });

  it('only the test build carries the key; release builds never do', () => {
    expect(variantManifest(base, 'chrome-test').key).toBe(DEV_EXTENSION_KEY.key);
    for (const v of ['chrome', 'firefox', 'firefox-test']) expect(variantManifest(base, v).key).toBeUndefined();
  });
});
