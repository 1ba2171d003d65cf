import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SWA_CONFIG_SOURCE } from '../../../../api/local/swa-config';

/**
 * The real SWA config (SWA_CONFIG_SOURCE) with one more origin in the CSP `connect-src`: the browser
 * posts its SDP offer straight to the realtime endpoint — `https://*.openai.azure.com` in Azure
 * (already allowed), the Foundry emulator's loopback origin in e2e and `npm run start:emulated`.
 * Everything else stays as shipped.
 */
export function swaConfigAllowing(root: string, origin: string): string {
  const config = JSON.parse(readFileSync(path.join(root, SWA_CONFIG_SOURCE), 'utf8')) as {
    globalHeaders?: Record<string, string>;
  };
  const headers = config.globalHeaders ?? {};
  const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-security-policy');
  if (name)
    headers[name] = headers[name]!.replace(
      /connect-src ([^;]*)/,
      (_, sources: string) => `connect-src ${sources} ${new URL(origin).origin}`,
    );
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'presto-e2e-')), 'staticwebapp.config.json');
  writeFileSync(file, JSON.stringify({ ...config, globalHeaders: headers }, null, 2));
  return file;
}
