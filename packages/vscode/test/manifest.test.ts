// The extension manifest against the contract with the language server and the engine's own lists:
// a preset, locale or severity added to core (or to the config schema) must show up in the settings.
import { readFileSync } from 'node:fs';
import { LOCALES, PRESETS, SEVERITIES } from '@reframe/core';
import { CONFIG_FILE_NAMES } from '@reframe/core/node';
import { describe, expect, it } from 'vitest';
import { BundlePaths } from '../src/bundleLayout';
import { Command } from '../src/commandIds';

interface Setting {
  type: string | string[];
  default: unknown;
  enum?: Array<string | null>;
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, { type?: string; enum?: string[] }>;
  additionalProperties?: { enum?: string[] } | boolean;
}
interface Manifest {
  activationEvents: string[];
  main: string;
  engines: { vscode: string };
  capabilities: { untrustedWorkspaces: { supported: boolean } };
  devDependencies: Record<string, string>;
  contributes: {
    commands: Array<{ command: string; title: string; category: string }>;
    menus: Record<string, Array<{ command: string }>>;
    configuration: { properties: Record<string, Setting> };
    jsonValidation: Array<{ fileMatch: string[]; url: string }>;
  };
}
interface SchemaProperty {
  enum?: string[];
  default?: unknown;
  properties?: Record<string, { type?: string; enum?: string[] }>;
  additionalProperties?: { enum?: string[] };
}

const read = (relative: string) => JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8'));
const manifest = read('../package.json') as Manifest;
const configSchema = read('../../core/schema/config.schema.json') as { properties: Record<string, SchemaProperty> };
const settings = manifest.contributes.configuration.properties;
const setting = (name: string): Setting => {
  const s = settings[`reframe.${name}`];
  if (!s) throw new Error(`reframe.${name} is not contributed`);
  return s;
};
const schema = (name: string): SchemaProperty => {
  const p = configSchema.properties[name];
  if (!p) throw new Error(`config schema has no ${name}`);
  return p;
};

describe('contributes.configuration', () => {
  it('has every setting of the server contract with its default', () => {
    expect(setting('enable')).toMatchObject({ type: 'boolean', default: true });
    expect(setting('preset')).toMatchObject({ type: ['string', 'null'], default: null });
    expect(setting('languages')).toMatchObject({ type: 'array', default: ['markdown', 'plaintext'] });
    expect(setting('rules')).toMatchObject({ type: 'object', default: {} });
    expect(setting('allow')).toMatchObject({ type: 'array', default: [] });
    expect(setting('respect')).toMatchObject({ type: 'object', default: {} });
    expect(setting('identity')).toMatchObject({ type: 'object', default: {} });
    expect(setting('locale')).toMatchObject({ type: ['string', 'null'], default: null });
    expect(setting('maxFileSize')).toMatchObject({ type: 'number', default: 5 * 1024 * 1024 });
    expect(setting('debounceMs')).toMatchObject({ type: 'number', default: 250 });
  });

  it('describes every setting', () => {
    for (const [name, s] of Object.entries(settings)) expect(s.description ?? s.markdownDescription, name).toMatch(/\w{3,}/);
  });

  it('offers exactly the engine presets and locales', () => {
    expect(setting('preset').enum).toEqual([null, ...PRESETS]);
    expect(setting('locale').enum).toEqual([null, ...LOCALES]);
  });

  // The server lets client settings override the project's config file, and VS Code sends a
  // contributed default as if the user had set it: a default here would mask .reframerc.json.
  it('leaves unset what a project config file also decides, so the file wins', () => {
    for (const name of ['preset', 'locale']) expect(setting(name).default, name).toBeNull();
    for (const name of ['respect', 'identity', 'rules']) expect(setting(name).default, name).toEqual({});
    expect(setting('allow').default).toEqual([]);
  });

  it('uses the config schema vocabulary for rules, identity and respect', () => {
    const rules = setting('rules').additionalProperties;
    expect(typeof rules === 'object' && rules.enum).toEqual(['off', ...SEVERITIES]);
    expect(typeof rules === 'object' && rules.enum).toEqual(schema('rules').additionalProperties?.enum);
    const identity = setting('identity');
    expect(Object.keys(identity.properties ?? {}).sort()).toEqual(Object.keys(schema('identity').properties ?? {}).sort());
    for (const [community, p] of Object.entries(identity.properties ?? {}))
      expect(p.enum, community).toEqual(schema('identity').properties?.[community]?.enum);
    expect(Object.keys(setting('respect').properties ?? {}).sort()).toEqual(Object.keys(schema('respect').properties ?? {}).sort());
  });
});

describe('activation, commands and files', () => {
  it('activates on the default languages and on config files', () => {
    for (const language of setting('languages').default as string[]) expect(manifest.activationEvents).toContain(`onLanguage:${language}`);
    // Every config file name core discovers (package.json too often holds no "reframe" key to activate on).
    for (const name of CONFIG_FILE_NAMES.filter((n) => n !== 'package.json'))
      expect(manifest.activationEvents).toContain(`workspaceContains:**/${name}`);
  });

  it('contributes exactly the commands the extension registers, each titled under "Reframe"', () => {
    const contributed = manifest.contributes.commands.map((c) => c.command).sort();
    expect(contributed).toEqual(Object.values(Command).sort());
    for (const c of manifest.contributes.commands) expect(c.category).toBe('Reframe');
    const menuCommands = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((e) => e.command));
    for (const command of menuCommands) expect(contributed).toContain(command);
  });

  it('validates config files against the schema shipped in the bundle', () => {
    const entry = manifest.contributes.jsonValidation[0];
    expect(entry?.fileMatch).toEqual(expect.arrayContaining(['.reframerc.json', 'reframe.config.json']));
    expect(entry?.url).toBe(`./${BundlePaths.configSchema}`);
  });

  it('supports untrusted workspaces and pins @types/vscode to the engine floor', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    expect(manifest.engines.vscode).toBe(`^${manifest.devDependencies['@types/vscode']}`);
    expect(manifest.main).toBe('./dist/extension.js');
  });
});
