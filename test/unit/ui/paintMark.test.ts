import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { markPainted } from '../../../src/ui/paintMark.js';

const marks = (name: string) => performance.getEntriesByName(name, 'mark');
/** Long enough for an animation frame and the task after it. */
const afterPaint = () => new Promise((resolve) => setTimeout(resolve, 50));

// Node (this project's unit environment) has performance marks but no animation frames: one is supplied here.
beforeEach(() => {
  performance.clearMarks();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => setTimeout(() => callback(performance.now()), 16));
});
afterEach(() => {
  vi.unstubAllGlobals();
  performance.clearMarks();
});

describe('markPainted', () => {
  it('marks the name after the next frame, not before', async () => {
    markPainted('test:a-painted');
    expect(marks('test:a-painted')).toHaveLength(0);
    await afterPaint();
    expect(marks('test:a-painted')).toHaveLength(1);
  });

  it('marks each name once, however often it is called', async () => {
    markPainted('test:b-painted');
    markPainted('test:b-painted');
    await afterPaint();
    markPainted('test:b-painted');
    markPainted('test:c-painted');
    await afterPaint();
    expect(marks('test:b-painted')).toHaveLength(1);
    expect(marks('test:c-painted')).toHaveLength(1);
  });

  it('does nothing, and does not throw, without animation frames', async () => {
    vi.stubGlobal('requestAnimationFrame', undefined);
    expect(() => markPainted('test:no-frames')).not.toThrow();
    await afterPaint();
    expect(marks('test:no-frames')).toHaveLength(0);
  });

  it('does nothing, and does not throw, without performance marks or a performance timeline', async () => {
    const frame = vi.fn((callback: FrameRequestCallback) => setTimeout(() => callback(0), 16));
    vi.stubGlobal('requestAnimationFrame', frame);
    vi.stubGlobal('performance', {});
    expect(() => markPainted('test:no-marks')).not.toThrow();
    vi.stubGlobal('performance', undefined);
    expect(() => markPainted('test:no-timeline')).not.toThrow();
    await afterPaint();
    expect(frame).not.toHaveBeenCalled();
  });
});
