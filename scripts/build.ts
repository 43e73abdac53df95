/**
 * Bundles the three Lambda entries with esbuild into dist/functions/<name>.mjs
 * (ESM, Node 22 target, source maps), copies the protos they read, and writes
 * dist/serverless-resources.json (the tables and per-function IAM roles) from
 * the one table definition. `serverless package`/`deploy` and
 * serverless-offline use these. `--watch` rebuilds on every edit.
 */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { FUNCTIONS } from '../functions/operation.js';
import { serverlessResources } from '../infrastructure/serverless-resources.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const out = path.join(root, 'dist');
const watch = process.argv.includes('--watch');

rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(out, 'functions'), { recursive: true });
cpSync(path.join(root, 'contracts', 'proto'), path.join(out, 'functions', 'proto'), { recursive: true });
writeFileSync(path.join(out, 'serverless-resources.json'), `${JSON.stringify(serverlessResources(), null, 2)}\n`);

const options: esbuild.BuildOptions = {
  entryPoints: Object.fromEntries(FUNCTIONS.map((name) => [name, path.join(root, 'functions', name, 'handler.ts')])),
  outdir: path.join(out, 'functions'),
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  logLevel: 'info',
  // CommonJS dependencies inside an ESM bundle still call require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
};

if (watch) {
  const context = await esbuild.context(options);
  await context.rebuild(); // the first build is complete before anyone is told to use it
  await context.watch();
  console.log('built; watching functions/ for changes');
} else {
  const result = await esbuild.build({ ...options, metafile: true });
  for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.mjs')) console.log(`${path.relative(root, file)} ${(bytes / 1024).toFixed(0)} KiB`);
  }
}
