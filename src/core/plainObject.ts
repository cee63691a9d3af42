/**
 * The plain-object guards for values read from JSON, shared by the export
 * validator, the team report's file check and the backup check.
 */

/** An object that is not null and not an array: a JSON object once parsed. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * A plain object made as JSON.parse makes one: not an array and not a class
 * instance (its prototype is Object.prototype or null). Stricter than
 * `isPlainObject`, for a backup, which is restored record by record as it is.
 */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
