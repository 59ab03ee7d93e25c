// A fresh self-signed certificate per start, valid for the names the browser and Node reach
// the emulator by. Tests trust it explicitly (CA option or browser flag); nothing is installed.
import { createHash, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';

/** The names X is reached by; the sandbox's demo CRM server passes its own hosts instead. */
const X_HOST_NAMES = ['api.x.com', 'x.com', 'upload.x.com', 'pbs.twimg.com', 'localhost'];

export async function makeCertificate(
  hostNames: readonly string[] = X_HOST_NAMES,
): Promise<{ key: string; cert: string }> {
  const notBeforeDate = new Date(Date.now() - 86_400_000);
  const notAfterDate = new Date(Date.now() + 30 * 86_400_000);
  const pems = await generate([{ name: 'commonName', value: hostNames[0] ?? 'localhost' }], {
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
          ...hostNames.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
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
