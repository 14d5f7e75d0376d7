#!/usr/bin/env node
// Start from the bundle (scripts/bundle.mjs: a much faster start) when it is newer than every file it
// was built from; otherwise, or with REFRAME_NO_BUNDLE=1, from the compiled modules in dist/.
import { readFileSync, statSync } from 'node:fs';

function bundleIsCurrent() {
  if (process.env.REFRAME_NO_BUNDLE === '1') return false;
  try {
    const root = new URL('../', import.meta.url);
    const built = statSync(new URL('bundle/bin.js', root)).mtimeMs;
    const inputs = JSON.parse(readFileSync(new URL('bundle/inputs.json', root), 'utf8'));
    return inputs.every((file) => statSync(new URL(file, root)).mtimeMs <= built);
  } catch {
    return false;
  }
}

await import(bundleIsCurrent() ? '../bundle/bin.js' : '../dist/bin.js');
