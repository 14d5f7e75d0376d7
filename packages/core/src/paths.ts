/**
 * Where core's own files are: this module's folder (dist/ when built, src/ under the test runner) and
 * the package folder above it (schema/, dist/rules.snapshot.json). Kept in one small module so that a
 * bundler can give it the package's real location (see packages/cli/scripts/bundle.mjs).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORE_CODE_DIR = dirname(fileURLToPath(import.meta.url));
export const CORE_DIR = resolve(CORE_CODE_DIR, '..');
