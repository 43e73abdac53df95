/**
 * The signing key where no JWT_PRIVATE_KEY is given (development, the compose
 * stacks' dev mode): one made once and kept in a directory as
 * `jwt-private.pem` (0600), so a restart keeps everyone logged in; its public
 * half can be written as `jwt-public.pem` where gateways read it (another
 * directory: gateways never see the private key). Production requires
 * JWT_PRIVATE_KEY (see functions/config.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateSigningKey, publicKeyPemOf, signerOf } from '../../functions/login/keys.js';
import { log } from '../../lib/log.js';

/**
 * `given` when set; else the key kept in `dir` (made there the first time);
 * else one for this run only. With `publicDir`, its public key is (re)written there.
 */
export function signingKeyFor(given: string | undefined, dir: string | undefined, publicDir?: string): string {
  let key = given;
  const file = dir && path.join(dir, 'jwt-private.pem');
  if (!key && file && existsSync(file)) {
    log.warn('JWT_PRIVATE_KEY is not set: using the development signing key kept here', { file });
    key = readFileSync(file, 'utf8');
  } else if (!key && file) {
    key = generateSigningKey().privateKeyPem;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, key, { mode: 0o600 });
    log.warn('JWT_PRIVATE_KEY is not set: generated a development signing key', { file });
  } else if (!key) {
    log.warn('JWT_PRIVATE_KEY is not set: using a signing key made for this run only (development)');
    key = generateSigningKey().privateKeyPem;
  }
  if (publicDir) {
    mkdirSync(publicDir, { recursive: true });
    writeFileSync(path.join(publicDir, 'jwt-public.pem'), publicKeyFor(key));
  }
  return key;
}

/** The public key (SPKI PEM) of a signing key: what gateways are given. */
export function publicKeyFor(signingKey: string): string {
  return publicKeyPemOf(signerOf(signingKey));
}
