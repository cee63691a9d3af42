/**
 * Ids of stored records (spans, page events, change journals): 12 characters
 * of lowercase Crockford base32, 60 random bits. An id is stored in the
 * record, as its primary key and once more in every index entry, so it is
 * kept short: a UUID (36 characters, 122 bits) cost about 70 bytes more per
 * record. Records written before this id form keep their UUIDs; nothing
 * parses an id, it is only compared.
 *
 * 60 bits: among a million records the chance that any two share an id is
 * about 1 in 2.3 million (n² / 2⁶¹).
 */

/** Crockford's base32 alphabet in lowercase: digits and letters without i, l, o and u. */
export const RECORD_ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
export const RECORD_ID_LENGTH = 12;
/** Random bits in one id (5 per character). */
export const RECORD_ID_BITS = RECORD_ID_LENGTH * 5;

/**
 * An id from `RECORD_ID_LENGTH` random bytes: the low 5 bits of each byte pick
 * a character (256 is a multiple of 32, so every character is equally likely).
 */
export function recordIdFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECORD_ID_LENGTH) throw new RangeError(`A record id needs ${RECORD_ID_LENGTH} random bytes.`);
  let id = '';
  for (let i = 0; i < RECORD_ID_LENGTH; i++) id += RECORD_ID_ALPHABET[bytes[i]! & 31];
  return id;
}

/** A new random record id, from `crypto.getRandomValues` (or the given source, for tests). */
export function newRecordId(fill: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  return recordIdFromBytes(fill(new Uint8Array(RECORD_ID_LENGTH)));
}
