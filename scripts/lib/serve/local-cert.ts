import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway self-signed certificate for 127.0.0.1, so a benchmark can
 * serve the site over HTTP/2 as a CDN does, and the SPKI hash that tells
 * Chromium to trust it (--ignore-certificate-errors-spki-list: the page is
 * then a valid HTTPS page, cached as one; with certificate errors merely
 * ignored Chromium would not cache it). Made with Debian's openssl.
 */
export function localCert(): { key: string; cert: string; chromiumArgs: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'feigong-cert-'));
  try {
    const r = spawnSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`openssl 生成证书失败 (certificate failed): ${r.stderr}`);
    const key = readFileSync(join(dir, 'key.pem'), 'utf8');
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const spki = new X509Certificate(cert).publicKey.export({ type: 'spki', format: 'der' });
    const hash = createHash('sha256').update(spki).digest('base64');
    return { key, cert, chromiumArgs: [`--ignore-certificate-errors-spki-list=${hash}`] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
