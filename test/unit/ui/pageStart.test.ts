// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { settledWithin, whenParsed } from '../../../src/ui/pageStart.js';

afterEach(() => vi.useRealTimers());

describe('settledWithin', () => {
  it('gives the value when the promise fulfils in time', async () => {
    await expect(settledWithin(Promise.resolve(42), 100)).resolves.toBe(42);
  });

  it('gives undefined when the promise rejects, without an unhandled rejection', async () => {
    await expect(settledWithin(Promise.reject(new Error('worker gone')), 100)).resolves.toBeUndefined();
  });

  it('gives undefined once the wait is over, and ignores a later answer', async () => {
    vi.useFakeTimers();
    let answer!: (v: number) => void;
    const late = new Promise<number>((resolve) => (answer = resolve));
    const result = settledWithin(late, 150);
    await vi.advanceTimersByTimeAsync(149);
    let settled: number | undefined | 'pending' = 'pending';
    void result.then((v) => (settled = v));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeUndefined();
    answer(7);
    await expect(result).resolves.toBeUndefined();
  });
});

describe('whenParsed', () => {
  it('runs at once when the body has been parsed', () => {
    const fn = vi.fn();
    whenParsed(document, fn);
    expect(document.readyState).not.toBe('loading');
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('waits for DOMContentLoaded while the document is still loading, and runs once', () => {
    const doc = new EventTarget() as EventTarget & { readyState: DocumentReadyState };
    doc.readyState = 'loading';
    const fn = vi.fn();
    whenParsed(doc as unknown as Document, fn);
    expect(fn).not.toHaveBeenCalled();
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    doc.dispatchEvent(new Event('DOMContentLoaded'));
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
