#!/usr/bin/env node
// Start from the bundle (scripts/bundle.mjs: a much faster start) when it is newer than every file it
// was built from; otherwise, or with REFRAME_NO_BUNDLE=1, from the compiled modules in dist/.
// process.getBuiltinModule (Node 20.16+) skips the ES module facade of node:fs, which loads its stream
// and promise APIs; plain paths, as parsing a URL per input costs more than the stat.
const { readFileSync, statSync } = process.getBuiltinModule?.('node:fs') ?? (await import('node:fs'));
const { fileURLToPath } = process.getBuiltinModule?.('node:url') ?? (await import('node:url'));
const { join } = process.getBuiltinModule?.('node:path') ?? (await import('node:path'));

function bundleIsCurrent() {
  if (process.env.REFRAME_NO_BUNDLE === '1') return false;
  try {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const built = statSync(join(root, 'bundle', 'bin.js')).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(root, 'bundle', 'inputs.json'), 'utf8'));
    return inputs.every((file) => statSync(join(root, file)).mtimeMs <= built);
  } catch {
    return false;
  }
}

await import(bundleIsCurrent() ? '../bundle/bin.js' : '../dist/bin.js');
