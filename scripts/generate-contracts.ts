/**
 * Regenerates the TypeScript types of the contract (`contracts/generated/`
 * and `contracts/types.ts`) from `contracts/proto/`: proto-loader's types for
 * the gRPC servers and clients, and Connect-ES descriptors of the public
 * services (`generated/es/`, by buf and protoc-gen-es) for gRPC-Web, on the
 * server and in the browser page. With `--check`, generates
 * into a temporary folder and fails if the committed files differ: how CI
 * proves the types match the protos.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTO_FILES } from '../contracts/index.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const check = process.argv.includes('--check');
const PACKAGES = ['auth', 'chat', 'chatmsg', 'gateway'];
const PUBLIC_PROTO_FILES = ['auth.proto', 'gateway.proto'];

function generate(outDir: string): void {
  const bin = path.join(root, 'node_modules', '@grpc', 'proto-loader', 'build', 'bin', 'proto-loader-gen-types.js');
  // Flags must match LOADER_OPTIONS in contracts/index.ts.
  const flags = [
    '--keepCase',
    '--longs=Number',
    '--enums=String',
    '--defaults',
    '--oneofs',
    '--includeComments',
    '--grpcLib=@grpc/grpc-js',
  ];
  execFileSync(process.execPath, [bin, ...flags, '-I', 'contracts/proto', '-O', outDir, ...PROTO_FILES], { cwd: root, stdio: 'inherit' });
  generateConnectDescriptors(path.join(outDir, 'es'));
  const lines = [
    '/**',
    ' * Short names for the generated contract types (made by `npm run contracts`; do not edit).',
    ' * Each alias is the decoded ("__Output") shape: every field present, int64 as number.',
    ' * Logic takes and returns these, so a contract change that breaks a handler fails `npm run typecheck`.',
    ' */',
  ];
  const messages = Object.fromEntries(
    PACKAGES.map((pkg) => [
      pkg,
      readdirSync(path.join(outDir, pkg))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('Service.ts'))
        .map((f) => f.slice(0, -3))
        .sort(),
    ]),
  );
  for (const pkg of PACKAGES) {
    for (const name of messages[pkg] ?? [])
      lines.push(`import type { ${name}__Output as ${pkg}_${name} } from './generated/${pkg}/${name}.js';`);
  }
  for (const pkg of PACKAGES) {
    lines.push('', `export namespace ${pkg} {`);
    for (const name of messages[pkg] ?? []) lines.push(`  export type ${name} = ${pkg}_${name};`);
    lines.push('}');
  }
  writeFileSync(path.join(outDir, '..', check ? 'types.check.ts' : 'types.ts'), `${lines.join('\n')}\n`);
}

/** Only the public services: a browser needs nothing else. */
function generateConnectDescriptors(outDir: string): void {
  const plugin = path.join(root, 'node_modules', '.bin', 'protoc-gen-es');
  const template = { version: 'v2', plugins: [{ local: plugin, out: outDir, opt: ['target=ts', 'import_extension=js'] }] };
  const buf = path.join(root, 'node_modules', '.bin', 'buf');
  const paths = PUBLIC_PROTO_FILES.flatMap((file) => ['--path', path.join('contracts', 'proto', file)]);
  execFileSync(buf, ['generate', 'contracts/proto', '--template', JSON.stringify(template), ...paths], { cwd: root, stdio: 'inherit' });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

if (!check) {
  rmSync(path.join(root, 'contracts', 'generated'), { recursive: true, force: true });
  generate(path.join(root, 'contracts', 'generated'));
  console.log('contracts/generated and contracts/types.ts regenerated');
} else {
  const scratch = mkdtempSync(path.join(tmpdir(), 'contracts-'));
  const out = path.join(scratch, 'generated');
  try {
    generate(out);
    const committed = path.join(root, 'contracts', 'generated');
    const stale = [...new Set([...listFiles(committed), ...listFiles(out)])].filter((file) => {
      try {
        return readFileSync(path.join(committed, file), 'utf8') !== readFileSync(path.join(out, file), 'utf8');
      } catch {
        return true;
      }
    });
    if (readFileSync(path.join(root, 'contracts', 'types.ts'), 'utf8') !== readFileSync(path.join(scratch, 'types.check.ts'), 'utf8')) {
      stale.push('../types.ts');
    }
    if (stale.length > 0) {
      console.error(`contract types are stale; run \`npm run contracts\`:\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log('contract types match contracts/proto');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
