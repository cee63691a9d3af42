import type { Envelope, RulePreview, RulePreviewRequest } from '../../protocol.js';

/** Ask the worker to try unsaved rules on the system's most recently attended tab; undefined when it cannot be asked. */
export type PreviewRules = (request: RulePreviewRequest) => Promise<RulePreview | undefined>;

interface Runtime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The real preview, over the bare `browser`/`chrome` runtime (as i18n.ts does
 * for getMessage): importing webextension-polyfill here would throw outside
 * an extension, and the settings page renders in tests without one.
 */
export const previewViaWorker: PreviewRules = async (request) => {
  const g = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime?.sendMessage) return undefined;
  const envelope: Envelope = { type: 'previewRules', body: request };
  return (await runtime.sendMessage(envelope)) as RulePreview | undefined;
};
