import assert from 'node:assert/strict';
import { afterEach, describe, mock, test } from 'node:test';
import { generateSigningKey, signerOf, verifierOf } from '../functions/login/keys.js';
import { signToken, tokenVerifier } from '../functions/login/token.js';
import { TEST_SIGNING_KEY } from './support/env.js';

const signer = signerOf(TEST_SIGNING_KEY);
const nowSeconds = () => Math.floor(Date.now() / 1000);
const tokenFor = (username: string, lifeSeconds: number) =>
  signToken(signer, { username, sessionId: `s-${username}`, expiresAt: nowSeconds() + lifeSeconds });

describe('tokenVerifier: a verified credential is remembered, never past what verifying it would say', () => {
  afterEach(() => mock.timers.reset());

  test('a remembered credential is refused once it expires', () => {
    mock.timers.enable({ apis: ['Date'], now: Date.now() });
    const verify = tokenVerifier(signer.publicKey);
    const token = tokenFor('ann', 60);
    assert.equal(verify(token)?.username, 'ann');
    mock.timers.tick(30_000);
    assert.equal(verify(token)?.username, 'ann', 'still live half-way');
    mock.timers.tick(31_000);
    assert.equal(verify(token), undefined, 'expired: refused though it was remembered');
  });

  test('a credential changed in its payload or signature, or checked with another key, is refused', () => {
    const verify = tokenVerifier(signer.publicKey);
    const token = tokenFor('bea', 600);
    assert.equal(verify(token)?.username, 'bea');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: 'eve' })).toString(
      'base64url',
    );
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    assert.equal(verify(`${header}.${otherPayload}.${signature}`), undefined, 'payload changed');
    assert.equal(verify(`${header}.${payload}.${flipped}`), undefined, 'signature changed');
    assert.equal(tokenVerifier(verifierOf(generateSigningKey().publicKeyPem))(token), undefined, 'another key');
    assert.equal(verify(token)?.username, 'bea', 'the original still holds');
  });
});
