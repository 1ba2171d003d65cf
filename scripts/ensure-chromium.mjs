#!/usr/bin/env node
// @ts-check
/**
 * First step of `npm test`: the e2e suite and the benchmark drive the system Chromium, and
 * Playwright never downloads one (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1). When the browser is missing
 * this installs Debian's `chromium` package (it also brings the fonts the chart renderer uses) if it
 * can — as root, or through sudo without a password prompt — and otherwise stops at once with the
 * exact command to run, instead of failing 80 seconds later inside Playwright.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const INSTALL_HINT = 'sudo apt-get update && sudo apt-get install -y chromium';

/**
 * What to do, from the facts alone (kept pure so a unit test can walk every branch).
 * @param {{ path: string, custom: boolean, present: boolean, isRoot: boolean, canSudo: boolean, hasApt: boolean }} facts
 * @returns {{ action: 'ok' } | { action: 'install', commands: string[][] } | { action: 'fail', message: string }}
 */
export function planChromium(facts) {
  if (facts.present) return { action: 'ok' };
  if (facts.custom) {
    return {
      action: 'fail',
      message: `CHROMIUM_PATH is ${facts.path}, but no executable is there. Point it at a Chromium binary, or unset it to use ${DEFAULT_CHROMIUM}.`,
    };
  }
  if (!facts.hasApt) {
    return {
      action: 'fail',
      message: `Chromium is missing at ${DEFAULT_CHROMIUM} and this machine has no apt-get. Install Chromium, then run: CHROMIUM_PATH=/path/to/chromium npm test`,
    };
  }
  if (!facts.isRoot && !facts.canSudo) {
    return {
      action: 'fail',
      message: `Chromium is missing at ${DEFAULT_CHROMIUM} and installing it needs root. Run:\n  ${INSTALL_HINT}\nthen npm test again (or set CHROMIUM_PATH to a Chromium you have).`,
    };
  }
  const prefix = facts.isRoot ? [] : ['sudo', '-n'];
  return {
    action: 'install',
    commands: [
      [...prefix, 'apt-get', 'update', '-qq'],
      [...prefix, 'apt-get', 'install', '-y', '-qq', 'chromium'],
    ],
  };
}

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** @param {string} command @param {string[]} args */
function succeeds(command, args) {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

function main() {
  const custom = Boolean(process.env.CHROMIUM_PATH);
  const path = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  const plan = planChromium({
    path,
    custom,
    present: executable(path),
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    canSudo: succeeds('sudo', ['-n', 'true']),
    hasApt: succeeds('apt-get', ['--version']),
  });
  if (plan.action === 'ok') return 0;
  if (plan.action === 'fail') {
    console.error(`✗ ${plan.message}`);
    return 1;
  }
  console.log(`› Chromium is missing at ${path}: installing Debian's chromium package (a minute or two)`);
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(/** @type {string} */ (command), args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      console.error(
        `✗ ${[command, ...args].join(' ')} failed (exit ${run.status ?? run.signal}). Run:\n  ${INSTALL_HINT}`,
      );
      return 1;
    }
  }
  if (!executable(path)) {
    console.error(`✗ the chromium package installed, but ${path} is still missing. Set CHROMIUM_PATH to its binary.`);
    return 1;
  }
  console.log(`✓ Chromium installed at ${path}`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = main();
