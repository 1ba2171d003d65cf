import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { planChromium } from '../../../scripts/ensure-chromium.mjs';

const bare = { path: '/usr/bin/chromium', custom: false, present: false, isRoot: false, canSudo: false, hasApt: true };

describe('npm test makes sure a browser is there (scripts/ensure-chromium.mjs)', () => {
  it('does nothing when Chromium is present', () => {
    expect(planChromium({ ...bare, present: true })).toEqual({ action: 'ok' });
  });

  it('as root, runs apt-get update then installs Debian chromium', () => {
    expect(planChromium({ ...bare, isRoot: true })).toEqual({
      action: 'install',
      commands: [
        ['apt-get', 'update', '-qq'],
        ['apt-get', 'install', '-y', '-qq', 'chromium'],
      ],
    });
  });

  it('without root uses sudo only when it needs no password prompt', () => {
    const plan = planChromium({ ...bare, canSudo: true });
    expect(plan.action === 'install' && plan.commands.every((c) => c[0] === 'sudo' && c[1] === '-n')).toBe(true);
  });

  it('otherwise stops with the exact command to run', () => {
    const plan = planChromium(bare);
    expect(plan).toMatchObject({ action: 'fail' });
    expect(plan.action === 'fail' && plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium');
  });

  it('never installs over a CHROMIUM_PATH that points nowhere, and says which setting is wrong', () => {
    const plan = planChromium({ ...bare, path: '/opt/none/chrome', custom: true, isRoot: true });
    expect(plan.action === 'fail' && plan.message).toContain('CHROMIUM_PATH is /opt/none/chrome');
  });

  it('the script exits non-zero at once with that message', () => {
    const run = spawnSync(process.execPath, ['scripts/ensure-chromium.mjs'], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('CHROMIUM_PATH is /nonexistent/chromium');
  });
});
