import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A clone of the repository is all anyone gets: no file may point at notes outside it (issue #15).
const root = resolve(__dirname, '../../..');
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root })
  .toString()
  .split('\n')
  .filter((f) => f && !/\.(png|jpe?g|gif|ico|woff2?|ttf|otf)$/.test(f) && f !== 'package-lock.json')
  .filter((f) => existsSync(join(root, f)));
const text = (file: string) => readFileSync(join(root, file), 'utf8');
// Written split so this file does not match itself.
const OUTSIDE = [['..', '/shared'].join(''), ['AZURE', 'FACTS'].join('-'), ['STYLE', 'ANCHORS'].join('-')];

describe('the repository is self-contained', () => {
  it('no file names the research notes that live outside the repository', () => {
    const hits = files.flatMap((file) =>
      OUTSIDE.filter((needle) => text(file).includes(needle)).map((needle) => `${file}: ${needle}`),
    );
    expect(hits).toEqual([]);
  });

  it('every relative link in the Markdown files resolves to a file inside the repository', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md'))) {
      for (const [, target] of text(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(?:[a-z]+:|#)/i.test(target!)) continue;
        const path = resolve(dirname(join(root, file)), target!.split('#')[0]!);
        if (relative(root, path).startsWith('..') || !existsSync(path)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});
