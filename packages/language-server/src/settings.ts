/**
 * Client settings (`workspace/configuration`, section `reframe`): defaults, a forgiving reader that
 * drops values of the wrong type, and the merge of client settings over a config file.
 */
import { PRESETS, type Preset, type ReframeConfig, SEVERITIES } from '@reframe/core';

export interface ClientSettings {
  enable: boolean;
  preset?: Preset;
  languages: string[];
  rules: Record<string, string>;
  allow: string[];
  respect: ReframeConfig['respect'];
  identity: ReframeConfig['identity'];
  locale?: ReframeConfig['locale'];
  maxFileSize: number;
  debounceMs: number;
}

export const DEFAULT_LANGUAGES = ['markdown', 'plaintext', 'html'];

export const DEFAULT_SETTINGS: ClientSettings = {
  enable: true,
  languages: DEFAULT_LANGUAGES,
  rules: {},
  allow: [],
  respect: {},
  identity: {},
  maxFileSize: 5 * 1024 * 1024,
  debounceMs: 250,
};

const SEVERITY_SETTINGS = new Set<string>([...SEVERITIES, 'off']);
const IDENTITY_VALUES = new Set(['identity-first', 'person-first', 'either']);
const LOCALE_VALUES = new Set(['en-AU', 'en-GB', 'en-US']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : undefined;
}

function pick<T>(source: Record<string, unknown>, keys: readonly string[], accept: (v: unknown) => v is T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of keys) {
    const v = source[key];
    if (accept(v)) out[key] = v;
  }
  return out;
}

/** Reads whatever the client sent; anything missing or of the wrong type falls back to the default. */
export function readSettings(raw: unknown): ClientSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const s: ClientSettings = { ...DEFAULT_SETTINGS };
  if (typeof raw.enable === 'boolean') s.enable = raw.enable;
  if (typeof raw.preset === 'string' && (PRESETS as readonly string[]).includes(raw.preset)) s.preset = raw.preset as Preset;
  s.languages = stringList(raw.languages) ?? DEFAULT_LANGUAGES;
  if (isRecord(raw.rules)) {
    s.rules = Object.fromEntries(
      Object.entries(raw.rules).filter((e): e is [string, string] => typeof e[1] === 'string' && SEVERITY_SETTINGS.has(e[1])),
    );
  }
  s.allow = (stringList(raw.allow) ?? []).filter((p) => p.trim().length > 0);
  if (isRecord(raw.respect))
    s.respect = pick(raw.respect, ['quotes', 'mentions', 'selfDescription'], (v): v is boolean => typeof v === 'boolean');
  if (isRecord(raw.identity))
    s.identity = pick(
      raw.identity,
      ['autism', 'deaf', 'disability'],
      (v): v is 'either' => typeof v === 'string' && IDENTITY_VALUES.has(v),
    );
  if (typeof raw.locale === 'string' && LOCALE_VALUES.has(raw.locale)) s.locale = raw.locale as ClientSettings['locale'];
  if (typeof raw.maxFileSize === 'number' && raw.maxFileSize >= 0) s.maxFileSize = raw.maxFileSize;
  if (typeof raw.debounceMs === 'number' && raw.debounceMs >= 0) s.debounceMs = raw.debounceMs;
  return s;
}

/** Client settings win over the config file; rule tables, respect and identity are merged key by key. */
export function mergeOverFile(file: ReframeConfig, client: ClientSettings): ReframeConfig {
  return {
    ...file,
    ...(client.preset ? { preset: client.preset } : {}),
    ...(client.locale ? { locale: client.locale } : {}),
    rules: { ...file.rules, ...(client.rules as ReframeConfig['rules']) },
    allow: [...(file.allow ?? []), ...client.allow],
    respect: { ...file.respect, ...client.respect },
    identity: { ...file.identity, ...client.identity },
  };
}
