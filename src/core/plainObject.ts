/** Guards for objects read from JSON, shared by the import and export validators. */

/** An object that is not null and not an array: a JSON object once parsed. */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Stricter: also not a class instance (its prototype is Object.prototype or null), as JSON.parse makes. */
export function isPlainJsonObject(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}
