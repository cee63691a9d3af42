/**
 * How the popup and dashboard start. Their scripts load in <head>, so the
 * requests for the first screen's data leave before the stylesheet and body
 * are parsed; rendering waits for the parsed body (whenParsed). The popup
 * then waits briefly for its first answer (settledWithin), so it opens
 * showing today rather than flashing "Loading…" first.
 */

/** Runs `fn` once the body has been parsed (straight away if it already has). */
export function whenParsed(doc: Document, fn: () => void): void {
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', () => fn(), { once: true });
  else fn();
}

/** The promise's value if it fulfils within `ms`; undefined if it rejects or is still pending by then. */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
