/**
 * The chat page's files (built by `npm run build:web` into web/dist/), read
 * once at start and served from memory on the gRPC-Web port's origin, so the
 * page calls the API with no cross-origin rules to open. Only GET and HEAD of
 * the files that exist; everything else is a 404.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConnectNodeAdapterOptions } from '@connectrpc/connect-node';

export const PAGE_DIR = fileURLToPath(new URL('../web/dist/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

const HEADERS = {
  // The page loads its own script and style and talks only to this origin.
  'content-security-policy': "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Small files, rebuilt in place: always revalidate.
  'cache-control': 'no-cache',
};

export function servePageFiles(dir = PAGE_DIR): NonNullable<ConnectNodeAdapterOptions['fallback']> {
  const files = new Map<string, { body: Buffer; type: string }>();
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const type = TYPES[path.extname(name)];
      if (type) files.set(`/${name}`, { body: readFileSync(path.join(dir, name)), type });
    }
  }
  return (request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://page').pathname;
    const file = files.get(pathname === '/' ? '/index.html' : pathname);
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
      const missing = files.size === 0 ? ' (the page is not built: run `npm run build:web`)' : '';
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...HEADERS });
      response.end(`not found${missing}\n`);
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length, ...HEADERS });
    if (request.method === 'HEAD') response.end();
    else response.end(file.body);
  };
}
