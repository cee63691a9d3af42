/**
 * Path shapes: the paths a clinician visited on a system, with every part
 * that could identify a patient or a record masked as `*`, so that the
 * settings page can suggest classification rules for a system that has none.
 * Only the path is used (never the query, fragment or title). Shapes are kept
 * in the worker's memory only (docs/settings.md#suggested-rules).
 *
 * A segment is kept as written only when it looks like a route word: 2–24
 * lowercase letters, with single hyphens or underscores between words, and
 * not shaped like a prefixed record id (`p-canary`, `pt-x`) or like hex (a
 * UUID). Anything else becomes `*`: digits (NHS numbers, record numbers,
 * dates), capitals, spaces or escapes (names), dots, and longer segments.
 */

const ROUTE_WORD = /^[a-z]+(?:[-_][a-z]+)*$/;
/** A short prefix and a hyphen: the usual shape of a typed record id. */
const PREFIXED_ID = /^[a-z]{1,3}-/;
/** Only hex digits and dashes, 8 or more: a UUID or a hash, even with no digit in it. */
const HEX_LIKE = /^[0-9a-f-]{8,}$/;
const MAX_SEGMENT = 24;
/** Deeper paths are cut here: the first few segments name the screen. */
export const MAX_SHAPE_SEGMENTS = 6;

export function maskSegment(segment: string): string {
  if (segment === '') return '';
  if (segment.length < 2 || segment.length > MAX_SEGMENT) return '*';
  if (!ROUTE_WORD.test(segment) || PREFIXED_ID.test(segment) || HEX_LIKE.test(segment)) return '*';
  return segment;
}

/** The shape of a path name, e.g. `/patients/p-canary/notes` → `/patients/*\/notes`. */
export function pathShape(pathname: string): string {
  const segments = pathname.split('/').slice(1);
  const cut = segments.length > MAX_SHAPE_SEGMENTS;
  const shape = segments.slice(0, MAX_SHAPE_SEGMENTS).map(maskSegment);
  // Runs of masked segments say no more than one.
  const merged = shape.filter((s, i) => !(s === '*' && shape[i - 1] === '*'));
  return `/${merged.join('/')}${cut ? '/*' : ''}`;
}

/** The shape of a page address (its path only), or null when it is not a web address. */
export function urlPathShape(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? pathShape(u.pathname) : null;
  } catch {
    return null;
  }
}

/** At most this many shapes are kept per system; the least visited go first. */
export const MAX_SHAPES_PER_SYSTEM = 40;

export interface PathShapeCount {
  shape: string;
  visits: number;
}

/**
 * The worker's in-memory tally: per system, each shape and how often a page
 * of that shape reported. Lost with the worker, by design: nothing is stored.
 */
export class PathShapeTally {
  private readonly bySystem = new Map<string, Map<string, number>>();

  add(systemId: string, url: string): void {
    const shape = urlPathShape(url);
    if (shape === null) return;
    let shapes = this.bySystem.get(systemId);
    if (!shapes) this.bySystem.set(systemId, (shapes = new Map()));
    if (!shapes.has(shape) && shapes.size >= MAX_SHAPES_PER_SYSTEM) {
      // Full: the least visited shape makes room (the oldest of equals).
      let least: string | undefined;
      for (const [s, n] of shapes) if (least === undefined || n < shapes.get(least)!) least = s;
      shapes.delete(least!);
    }
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }

  /** Most visited first, then by shape. */
  shapes(systemId: string): PathShapeCount[] {
    return [...(this.bySystem.get(systemId) ?? new Map<string, number>()).entries()]
      .map(([shape, visits]) => ({ shape, visits }))
      .sort((a, b) => b.visits - a.visits || a.shape.localeCompare(b.shape));
  }

  forget(systemId: string): void {
    this.bySystem.delete(systemId);
  }
}
