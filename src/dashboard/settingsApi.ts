import type { PathShapeCount } from '../core/pathShape.js';
import type { PolicyView } from '../core/policy.js';
import type { Settings } from '../core/settings.js';
import type { DataApi } from './dataApi.js';

/**
 * Everything the settings page needs from the browser. main.tsx passes the
 * real one; tests pass a fake.
 */
export interface SettingsApi {
  /** The raw stored settings value (undefined when nothing is stored yet). */
  load(): Promise<unknown>;
  save(settings: Settings): Promise<void>;
  /**
   * Ask for host permission; resolves false if the clinician refuses. Must be
   * called synchronously from a click or submit handler (a user gesture).
   */
  requestOrigins(origins: string[]): Promise<boolean>;
  removeOrigins(origins: string[]): Promise<void>;
  /** Optional: report settings written elsewhere (the popup's pause), so saving here never undoes them. */
  watch?(onChange: (raw: unknown) => void): () => void;
  /** Optional: the organisation's policy (the worker's getPolicy): locked settings and policy systems. */
  policy?(): Promise<PolicyView>;
  /** Optional: masked path shapes visited this session on a system with no rules (the worker's memory), for suggested rules. */
  pathShapes?(systemId: string): Promise<PathShapeCount[]>;
  /** Optional: the "Your data" section (storage use, backup and restore, delete everything). */
  data?: DataApi;
}
