/**
 * Development only: a JWT secret generated once and kept in the data
 * directory, so a restart keeps everyone logged in. Production requires
 * JWT_SECRET (see functions/config.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from '../../lib/log.js';

export function developmentSecret(dataDir: string | undefined): string {
  if (!dataDir) {
    log.warn('JWT_SECRET is not set: using a random secret for this run only (development)');
    return randomBytes(32).toString('hex');
  }
  const file = path.join(dataDir, 'dev-jwt-secret');
  if (existsSync(file)) {
    log.warn('JWT_SECRET is not set: using the development secret kept in the data directory', { file });
    return readFileSync(file, 'utf8').trim();
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log.warn('JWT_SECRET is not set: generated a development secret', { file });
  return secret;
}
