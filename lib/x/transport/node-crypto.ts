import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { Buffer } from 'buffer';

/**
 * The three pieces of Node's `crypto` that twitter-api-v2 calls (OAuth 1.0a signatures,
 * PKCE challenges, nonces and verifiers), on audited pure-JS hashes and the browser's
 * CSPRNG. Bundled in place of `crypto` for the extension; outputs equal Node's.
 */
type Algorithm = 'sha1' | 'sha256';
const HASHES = { sha1, sha256 } as const;

function hashOf(algorithm: string) {
  const hash = HASHES[algorithm as Algorithm];
  if (!hash) throw new Error(`Unsupported hash ${algorithm}`);
  return hash;
}

const bytesOf = (data: string | Uint8Array) => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

class Digest {
  private chunks: Uint8Array[] = [];
  constructor(private readonly finish: (data: Uint8Array) => Uint8Array) {}
  update(data: string | Uint8Array): this {
    this.chunks.push(bytesOf(data));
    return this;
  }
  digest(encoding?: BufferEncoding): Buffer | string {
    const result = Buffer.from(this.finish(Buffer.concat(this.chunks)));
    return encoding ? result.toString(encoding) : result;
  }
}

export function createHash(algorithm: string): Digest {
  const hash = hashOf(algorithm);
  return new Digest((data) => hash(data));
}

export function createHmac(algorithm: string, key: string | Uint8Array): Digest {
  const hash = hashOf(algorithm);
  return new Digest((data) => hmac(hash, bytesOf(key), data));
}

export function randomBytes(size: number): Buffer {
  const bytes = new Uint8Array(size);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes);
}

export default { createHash, createHmac, randomBytes };
