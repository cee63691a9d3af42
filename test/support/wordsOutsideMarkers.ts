/**
 * Proof that an output's words all come from the messages file: render it
 * with a lookup that returns a marker per key (`⟦key|substitution…⟧`) instead
 * of the words, then look for letters left outside the markers. What may
 * remain is data: numbers, "*", ISO dates and weeks, team codes, and the
 * file-format identifiers the caller lists.
 */
import type { MessageLookup } from '../../src/core/teamReport/reportLabels.js';

/** A lookup that writes each message as its key and substitutions, and records the keys it was asked for. */
export function markerLookup(): MessageLookup & { keys: Set<string> } {
  const keys = new Set<string>();
  const t = (key: string, ...subs: Array<string | number>) => {
    keys.add(key);
    return subs.length === 0 ? `⟦${key}⟧` : `⟦${key}|${subs.join('|')}⟧`;
  };
  return Object.assign(t, { keys });
}

/** How many markers a text holds. */
export function markerCount(text: string): number {
  return (text.match(/⟦/g) ?? []).length;
}

/**
 * The words (runs of two or more letters) in `text` outside the markers. A
 * marker's key goes; its substitutions stay and are checked like any other
 * text, so an English literal passed into a message is still caught.
 * `data` are exact strings that may appear (team codes, format identifiers).
 */
export function wordsOutsideMarkers(text: string, data: readonly string[] = []): string[] {
  let rest = text.replace(/⟦[A-Za-z0-9_]+/g, ' ').replace(/[|⟧]/g, ' ');
  for (const d of [...data].sort((a, b) => b.length - a.length)) rest = rest.split(d).join(' ');
  return rest.match(/[A-Za-z]{2,}/g) ?? [];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
/** The attributes whose values a reader hears or sees. */
const READ_ATTRIBUTES = ['title', 'aria-label', 'alt', 'placeholder', 'lang'];

/** What a reader of an HTML page gets: its text and its read attributes, without markup, style sheet or identifiers (ids, classes). */
export function readableText(html: string): string {
  const noStyle = html.replace(/<style>[\s\S]*?<\/style>/g, ' ');
  const attributes = [...noStyle.matchAll(/\s([a-z-]+)="([^"]*)"/g)].filter((m) => READ_ATTRIBUTES.includes(m[1]!)).map((m) => m[2]!);
  const text = noStyle.replace(/<[^>]*>/g, ' ');
  return [text, ...attributes].join(' ').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]!);
}
