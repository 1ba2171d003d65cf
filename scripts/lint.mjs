// `npm run lint`: ESLint in one process per TypeScript project, side by side. Type-aware rules make
// ESLint build a TypeScript program for each tsconfig a linted file belongs to; one process for the
// whole tree builds all three (api, web, tests) and type-checks each file in turn, which took over a
// minute on a 2-core machine. Split by project, each process builds only its own program and the
// cores share the work. Extra arguments (e.g. `--fix`) are passed to every process.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

// The package's own `bin` entry (its `exports` do not name the bin file).
const manifest = createRequire(import.meta.url).resolve('eslint/package.json');
const eslint = path.join(path.dirname(manifest), 'bin/eslint.js');

const PROJECTS = ['api', 'web', 'tests'];

/** Each group is linted by its own process; the last is everything else, so together they cover what `eslint .` would. */
const GROUPS = [
  ...PROJECTS.map((dir) => [dir]),
  ['.', ...PROJECTS.flatMap((dir) => ['--ignore-pattern', `${dir}/**`])],
];

const extra = process.argv.slice(2);

/** Runs one ESLint process; its report is printed in one piece when it ends, so reports never interleave. */
function lint(paths) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [eslint, ...extra, ...paths], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out = [];
    child.stdout.on('data', (chunk) => out.push(chunk));
    child.stderr.on('data', (chunk) => out.push(chunk));
    child.on('error', (error) => resolve({ code: 2, text: `${paths.join(' ')}: ${error.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 2, text: Buffer.concat(out).toString() }));
  });
}

const results = await Promise.all(GROUPS.map(lint));
for (const { text } of results) process.stdout.write(text);
process.exitCode = Math.max(...results.map((r) => r.code));
