import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/pitfalls.md maps every pitfall to the test that shows it. This keeps the map true: every
// test file a row names exists, and every test title it quotes is in one of that row's files.
const root = resolve(__dirname, '../../..');
const rows = readFileSync(join(root, 'docs/pitfalls.md'), 'utf8')
  .split('\n')
  .filter((line) => /^\| \d+\.\d+ \|/.test(line))
  .map((line) => {
    const cells = line.split(' | ');
    return { id: cells[0]!.slice(2), status: cells[2]!, shownBy: cells.slice(4).join(' | ') };
  });

/** The text a test title is searched by: up to an ellipsis, without escaped pipes. */
const searchable = (title: string) => title.split('…')[0]!.replace(/\\\|/g, '|').trim();

describe('docs/pitfalls.md', () => {
  it('has a row for each of the 32 pitfalls', () => {
    // 1.1 … 10.3; the "Azure first contact (#11)" rows (11.x) come on top and are checked the same way.
    expect(rows.map((r) => r.id).filter((id) => Number(id.split('.')[0]) <= 10)).toHaveLength(32);
  });

  for (const row of rows) {
    it(`${row.id}: the tests it names exist`, () => {
      const files = [...row.shownBy.matchAll(/`(tests\/[^`]+?\.(?:ts|mjs))`/g)].map((m) => m[1]!);
      if (row.status === 'done') expect(files.length, `${row.id} names no test file`).toBeGreaterThan(0);
      const sources = files.map((file) => {
        expect(existsSync(join(root, file)), `${row.id}: ${file}`).toBe(true);
        return readFileSync(join(root, file), 'utf8').replace(/\\'/g, "'"); // titles as written, not escaped
      });
      for (const [, title] of row.shownBy.matchAll(/"([^"]+)"/g)) {
        const needle = searchable(title!);
        if (needle.length < 8) continue;
        // A parameterised title (`it.each(...)('rejects %s')`) is found by its case name.
        const candidates = [needle, needle.replace(/^\S+\s+/, '')];
        expect(
          sources.some((source) => candidates.some((c) => source.includes(c))),
          `${row.id}: no test titled "${needle}" in ${files.join(', ')}`,
        ).toBe(true);
      }
    });
  }
});
