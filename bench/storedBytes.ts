/**
 * Stored bytes of the extension's IndexedDB, counted the same way for every
 * store (docs/performance.md): each record's value as the browser serialises
 * it (V8's structured-clone wire format, what Chromium and Firefox write),
 * plus its primary key, plus for each index one entry of the index key and
 * the primary key. Keys count 8 bytes for a number and their UTF-8 length for
 * a string. Storage-engine overhead and compression are not counted.
 */
import v8 from 'node:v8';

export interface StoreDump {
  name: string;
  /** Key path of each index, e.g. { date: 'date', start: 'start' }. */
  indexes: Record<string, string>;
  keys: unknown[];
  values: unknown[];
}

export function keyBytes(key: unknown): number {
  if (typeof key === 'number') return 8;
  if (typeof key === 'string') return Buffer.byteLength(key, 'utf8');
  if (Array.isArray(key)) return key.reduce((t: number, k) => t + keyBytes(k), 0);
  throw new Error(`unexpected key ${String(key)}`);
}

export function storeBytes(dump: StoreDump): { records: number; valueBytes: number; keyBytes: number; indexBytes: number; total: number } {
  let valueBytes = 0;
  let pk = 0;
  let index = 0;
  dump.values.forEach((value, i) => {
    const own = keyBytes(dump.keys[i]);
    // Through JSON first: values arrive from the browser through DevTools, whose
    // decoding can leave whole numbers as doubles (8 bytes each in V8's format).
    // JSON.parse gives them back the form the extension's own code gives them.
    valueBytes += v8.serialize(JSON.parse(JSON.stringify(value))).length;
    pk += own;
    for (const path of Object.values(dump.indexes)) {
      const v = (value as Record<string, unknown>)[path];
      if (v !== undefined) index += keyBytes(v) + own;
    }
  });
  return { records: dump.values.length, valueBytes, keyBytes: pk, indexBytes: index, total: valueBytes + pk + index };
}
