import { describe, expect, it } from 'vitest';
import { newRecordId, RECORD_ID_ALPHABET, RECORD_ID_BITS, RECORD_ID_LENGTH, recordIdFromBytes } from '../../src/background/recordId.js';
import { eventErrors, spanErrors } from '../../src/core/backupValidation.js';
import { spanOf } from '../../src/core/testSupport.js';

const FORM = /^[0-9a-hjkmnp-tv-z]{12}$/;

describe('record ids', () => {
  it('are 12 characters of lowercase Crockford base32: 60 random bits', () => {
    expect(RECORD_ID_ALPHABET).toHaveLength(32);
    expect(new Set(RECORD_ID_ALPHABET).size).toBe(32);
    expect(RECORD_ID_ALPHABET).not.toMatch(/[ilou]/);
    expect(RECORD_ID_LENGTH).toBe(12);
    expect(RECORD_ID_BITS).toBeGreaterThanOrEqual(60);
    for (let i = 0; i < 1000; i++) expect(newRecordId()).toMatch(FORM);
  });

  it('map each byte to a character by its low 5 bits', () => {
    expect(recordIdFromBytes(new Uint8Array(12))).toBe('000000000000');
    expect(recordIdFromBytes(new Uint8Array(12).fill(255))).toBe('zzzzzzzzzzzz');
    expect(recordIdFromBytes(Uint8Array.from([0, 1, 9, 10, 17, 18, 20, 21, 26, 27, 31, 32]))).toBe('019ahjmntvz0');
    expect(() => recordIdFromBytes(new Uint8Array(11))).toThrow(RangeError);
  });

  it('take their bytes from the random source', () => {
    let calls = 0;
    const id = newRecordId((b) => {
      calls++;
      expect(b).toHaveLength(12);
      return b.fill(10);
    });
    expect(calls).toBe(1);
    expect(id).toBe('aaaaaaaaaaaa');
  });

  it('do not repeat over 100 000 ids, and use every character about equally', () => {
    const n = 100_000;
    const ids = new Set<string>();
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const id = newRecordId();
      ids.add(id);
      for (const c of id) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    expect(ids.size).toBe(n);
    // 1.2 M characters over 32 symbols: 37 500 each, standard deviation ≈ 190.
    expect(counts.size).toBe(32);
    for (const count of counts.values()) expect(Math.abs(count - (n * 12) / 32)).toBeLessThan(2000);
  });

  it('are accepted by backup validation, as are the UUIDs of earlier records', () => {
    for (const id of [newRecordId(), crypto.randomUUID()]) {
      expect(spanErrors({ ...spanOf([[0, 30]], [[0, 30]], { id }), originalId: newRecordId(), supersededBy: crypto.randomUUID() })).toEqual([]);
      expect(eventErrors({ id, kind: 'login', systemId: 'ehr', at: 0, date: '2026-05-12', durationMs: 1000 })).toEqual([]);
    }
  });
});
