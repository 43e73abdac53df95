/**
 * The credential key pair (ES256, P-256): the private key for the login
 * function (and the monolith), the public key for the gateways.
 *
 *   npm run keys                           # a new pair, as JWT_PRIVATE_KEY=… and JWT_PUBLIC_KEY=… lines
 *                                          # for a .env file (newlines written as \n)
 *   npm run keys -- --keep DIR --public DIR2
 *       the signing key: JWT_PRIVATE_KEY if set, else DIR/jwt-private.pem (made there the first time);
 *       its public half written to DIR2/jwt-public.pem; the signing key printed on stdout
 *       (what the services stack's deploy step does with its two volumes)
 */
import { parseArgs } from 'node:util';
import { generateSigningKey } from '../functions/login/keys.js';
import { signingKeyFor } from '../infrastructure/local/dev-key.js';

const { values } = parseArgs({ options: { keep: { type: 'string' }, public: { type: 'string' } } });
const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');

if (!values.keep) {
  const { privateKeyPem, publicKeyPem } = generateSigningKey();
  console.log(`JWT_PRIVATE_KEY=${oneLine(privateKeyPem)}`);
  console.log(`JWT_PUBLIC_KEY=${oneLine(publicKeyPem)}`);
} else {
  process.stdout.write(signingKeyFor(process.env.JWT_PRIVATE_KEY, values.keep, values.public));
}
