// `main` names a build output: a run after editing api/ without `npm run build` must say it loads an old app.
import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadApp } from '../../../api/local/load-app';

let root: string | undefined;

/** An app root whose `main` file and one api/ source have the given ages (seconds before now). */
function appWith(ages: { main: number; source: string; sourceAge: number }): string {
  root = mkdtempSync(join(tmpdir(), 'presto-load-app-'));
  mkdirSync(join(root, 'dist'));
  mkdirSync(join(root, 'api', 'local'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ main: 'dist/main.js' }));
  writeFileSync(join(root, 'dist/main.js'), '');
  writeFileSync(join(root, 'api', ages.source), '');
  const now = Date.now() / 1000;
  utimesSync(join(root, 'dist/main.js'), now - ages.main, now - ages.main);
  utimesSync(join(root, 'api', ages.source), now - ages.sourceAge, now - ages.sourceAge);
  return root;
}

function warningsOf(appRoot: string): string[] {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    loadApp(appRoot);
    return warn.mock.calls.map((c) => String(c[0])).filter((line) => line.includes('npm run build'));
  } finally {
    warn.mockRestore();
  }
}

afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('loading an app older than its sources', () => {
  it('names the newer source and the command that rebuilds', () => {
    expect(warningsOf(appWith({ main: 60, source: 'deps.ts', sourceAge: 5 }))).toEqual([
      '[local] api/deps.ts is newer than the app package.json `main` loads: run `npm run build`',
    ]);
  });

  it('says nothing when the build is newer, or only the local runtime changed (it is not in the app)', () => {
    expect(warningsOf(appWith({ main: 5, source: 'deps.ts', sourceAge: 60 }))).toEqual([]);
    rmSync(root!, { recursive: true, force: true });
    expect(warningsOf(appWith({ main: 60, source: 'local/run-local.ts', sourceAge: 5 }))).toEqual([]);
  });
});
