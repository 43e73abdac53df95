/**
 * The credential keys (P-256), parsed and checked once, with node:crypto only:
 * what configuration checks and what the token module signs and verifies with.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface Signer {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** PEM from an environment variable, where newlines are often written as `\n`. */
const pem = (text: string) => text.replace(/\\n/g, '\n').trim();

/** The signer of a PKCS#8 PEM P-256 private key; throws for anything else. */
export function signerOf(privateKeyPem: string): Signer {
  const privateKey = createPrivateKey(pem(privateKeyPem));
  if (privateKey.asymmetricKeyType !== 'ec' || privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error('not an EC P-256 private key');
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** The verifying key of an SPKI PEM P-256 public key; throws for anything else (a private key included). */
export function verifierOf(publicKeyPem: string): KeyObject {
  const text = pem(publicKeyPem);
  if (!text.includes('PUBLIC KEY')) throw new Error('not a public key');
  const publicKey = createPublicKey(text);
  if (publicKey.asymmetricKeyType !== 'ec' || publicKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw new Error('not an EC P-256 public key');
  return publicKey;
}

/** A new signing key, as PKCS#8 PEM, with its public key as SPKI PEM. */
export function generateSigningKey(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

export const publicKeyPemOf = (signer: Signer) => signer.publicKey.export({ type: 'spki', format: 'pem' }).toString();
