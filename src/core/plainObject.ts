/**
 * The plain-object guard for values read from JSON, shared by the export
 * validator and the team report's file check.
 */

/** An object that is not null and not an array: a JSON object once parsed. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
