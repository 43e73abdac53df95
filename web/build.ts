/**
 * Builds the chat page into web/dist/: index.html, app.css and one minified
 * ES module, app.js (the page, Connect-ES's gRPC-Web client and the contract's
 * descriptors). Prints what each file weighs, and gzipped, since the page is
 * fetched by every visitor. `--watch` rebuilds on every edit.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const here = fileURLToPath(new URL('./', import.meta.url));
const out = path.join(here, 'dist');
const watch = process.argv.includes('--watch');

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
copyFileSync(path.join(here, 'index.html'), path.join(out, 'index.html'));

const options: esbuild.BuildOptions = {
  entryPoints: { app: path.join(here, 'src', 'main.ts'), style: path.join(here, 'style.css') },
  outdir: out,
  entryNames: '[name]',
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // What browsers of the last few years run: bigint, top-level await, optional chaining.
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: watch ? 'info' : 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.rebuild();
  await context.watch();
  console.log(`web/dist built; watching web/ for changes`);
} else {
  await esbuild.build(options);
  for (const file of ['index.html', 'app.js', 'style.css']) {
    const body = readFileSync(path.join(out, file));
    console.log(`web/dist/${file} ${(body.length / 1024).toFixed(1)} KiB (${(gzipSync(body).length / 1024).toFixed(1)} KiB gzipped)`);
  }
}
