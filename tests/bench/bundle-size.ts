import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size of the JavaScript the browser loads before first render: entry scripts and modulepreloads. */
export function initialJsGzipBytes(distDir: string): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
  ].map((m) => m[1] ?? m[2]!);
  const files = [...new Set(srcs)];
  const bytes = files.reduce(
    (sum, src) => sum + gzipSync(readFileSync(path.join(distDir, src.replace(/^\//, '')))).byteLength,
    0,
  );
  return { bytes, files };
}
