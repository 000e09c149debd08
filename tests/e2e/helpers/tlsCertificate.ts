import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsCertificate {
  key: string;
  cert: string;
}

/**
 * A throwaway self-signed certificate for the fixture server, made with the system's openssl
 * (nothing is downloaded). Chromium is started with --ignore-certificate-errors, so the
 * names only matter for readability.
 */
export function createSelfSignedCertificate(hosts: readonly string[]): TlsCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'leadlens-tls-'));
  try {
    const keyPath = join(dir, 'key.pem');
    const certPath = join(dir, 'cert.pem');
    const altNames = ['IP:127.0.0.1', ...hosts.map((host) => `DNS:${host}`)].join(',');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=leadlens-fixtures',
        '-addext',
        `subjectAltName=${altNames}`,
        '-keyout',
        keyPath,
        '-out',
        certPath,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(keyPath, 'utf8'), cert: readFileSync(certPath, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
