// A fresh self-signed certificate per start, valid for the names the browser and Node reach
// the emulator by. Tests trust it explicitly (CA option or browser flag); nothing is installed.
import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

export async function makeCertificate(): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date(Date.now() - 86_400_000);
  const notAfterDate = new Date(Date.now() + 30 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: 'api.x.com' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'api.x.com' },
          { type: 2, value: 'x.com' },
          { type: 2, value: 'upload.x.com' },
          { type: 2, value: 'pbs.twimg.com' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * Base64 SHA-256 of the certificate's public key (SPKI), the value Chromium's
 * --ignore-certificate-errors-spki-list takes to trust this one certificate only.
 */
export function spkiFingerprint(certPem: string): string {
  const publicKey = new X509Certificate(certPem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(publicKey).digest('base64');
}
