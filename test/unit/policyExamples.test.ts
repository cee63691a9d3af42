import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, POLICY_KEYS, LOCKABLE_SETTINGS } from '../../src/core/policy.js';
import { TASK_CATEGORIES } from '../../src/core/taskCategory.js';
import { ROLES } from '../../src/core/exportFormat.js';

const root = path.resolve(import.meta.dirname, '../..');
const readJson = (rel: string) => JSON.parse(readFileSync(path.join(root, rel), 'utf8')) as Record<string, unknown>;

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; enum?: unknown[]; minimum?: number; maximum?: number; pattern?: string };

/** The subset of Chrome's managed-storage schema format the schema uses: type, properties, items, enum, minimum, maximum, pattern. */
function schemaErrors(schema: Schema, value: unknown, at = '$'): string[] {
  const errors: string[] = [];
  const type = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (schema.type && schema.type !== type && !(schema.type === 'number' && type === 'integer')) return [`${at}: ${type} is not ${schema.type}`];
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) errors.push(`${at}: below minimum`);
  if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) errors.push(`${at}: above maximum`);
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern).test(value)) errors.push(`${at}: does not match ${schema.pattern}`);
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errors.push(...schemaErrors(schema.items!, v, `${at}[${i}]`)));
  if (type === 'object' && schema.properties)
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties[k];
      if (!sub) errors.push(`${at}.${k}: not in the schema`);
      else errors.push(...schemaErrors(sub, v, `${at}.${k}`));
    }
  return errors;
}

describe('enterprise policy schema and examples', () => {
  const schema = readJson('schemas/managed-storage.schema.json') as Schema;
  const values = readJson('docs/examples/managed-storage-values.json');
  const chromePolicy = readJson('docs/examples/chrome-edge-policy.json') as { ExtensionSettings: Record<string, Record<string, unknown>>; '3rdparty': { extensions: Record<string, unknown> } };

  it('declares exactly the keys parsePolicy reads, and the enums it accepts', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties!).sort()).toEqual([...POLICY_KEYS].sort());
    expect(schema.properties!.lockedSettings!.items!.enum).toEqual([...LOCKABLE_SETTINGS]);
    expect(schema.properties!.role!.enum).toEqual([...ROLES]);
    expect(schema.properties!.clinicalSystems!.items!.properties!.rules!.items!.properties!.category!.enum).toEqual([...TASK_CATEGORIES]);
  });

  it('the manifest names the schema', () => {
    expect((readJson('manifest.json').storage as Record<string, unknown>).managed_schema).toBe('managed-storage.schema.json');
  });

  it('the managed-storage example satisfies the schema and parses with no warnings', () => {
    expect(schemaErrors(schema, values)).toEqual([]);
    const { policy, warnings } = parsePolicy(values);
    expect(warnings).toEqual([]);
    expect(Object.keys(policy).length).toBe(POLICY_KEYS.length);
  });

  it('the Chrome/Edge policy example force-installs and carries the same values for the same id', () => {
    const [id, settings] = Object.entries(chromePolicy.ExtensionSettings)[0]!;
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(settings.installation_mode).toBe('force_installed');
    expect(typeof settings.update_url).toBe('string');
    const managed = chromePolicy['3rdparty'].extensions[id];
    expect(managed).toEqual(values);
    expect(parsePolicy(managed).warnings).toEqual([]);
  });

  it('the schema check itself catches a wrong value', () => {
    expect(schemaErrors(schema, { teamReportThreshold: 9, role: 'surgeon', inactivityThresholdSec: 1, extra: true })).toHaveLength(4);
  });
});
