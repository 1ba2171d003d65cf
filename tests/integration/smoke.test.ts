import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitCode, formatTable, type SmokeReport } from '../smoke/report';
import { runSmoke } from '../smoke/smoke';

const root = path.resolve(__dirname, '../..');
const row = (report: SmokeReport, id: string) => report.results.find((r) => r.id === id)!;

/** `npm run smoke` itself: the compiled CLI, its exit code and its --json output. */
function cli(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(path.join(root, 'dist/tests/smoke/run.js')))
    throw new Error('dist/ is missing: run `npm run build` first (npm test does).');
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(AZURE_|AzureWebJobs|API_URL)/.test(k)),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['dist/tests/smoke/run.js', '--json', '--emulator'],
      { cwd: root, env: { ...clean, ...env }, timeout: 150_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run smoke against the bundled emulator', () => {
  it('checks every capability for real and passes: tool call, mode draft, spoken answer over WebRTC, PNG, storage, timer', async () => {
    const report = await runSmoke({ root, processEnv: {}, emulator: true });
    expect(report.target).toBe('emulator');
    expect(report.describe).toMatch(/^EMULATOR: .*no Azure was called/);
    expect(report.results.map((r) => [r.id, r.outcome])).toEqual([
      ['chat', 'ok'],
      ['structured', 'ok'],
      ['realtime', 'ok'],
      ['image', 'ok'],
      ['storage', 'ok'],
      ['timer', 'ok'],
    ]);
    expect(row(report, 'chat').detail).toMatch(/called show_metrics/);
    expect(row(report, 'chat').usage?.input).toBeGreaterThan(0);
    // The emulator spends reasoning tokens like Azure: they are reported apart, with the effort sent.
    expect(row(report, 'structured').usage?.reasoning).toBeGreaterThan(0);
    expect(row(report, 'structured').detail).toMatch(
      /^gpt-5-mini \(effort minimal, max \d+\): .* validated in 2 calls \(mode_brand, mode_details\)$/,
    );
    expect(row(report, 'realtime').detail).toMatch(/[1-9]\d* audio packets/);
    // The emulator mints like Azure (documented fields only): the rest went as session.update.
    expect(row(report, 'realtime').detail).toMatch(/session\.update for .*\baudio\b.*\btools\b/);
    expect(row(report, 'realtime').usage).toMatchObject({ input: expect.any(Number), output: expect.any(Number) });
    expect(row(report, 'image').detail).toMatch(/a whole 1536×1024 PNG/);
    expect(row(report, 'timer').detail).toMatch(/chart-pregen-timer "0 5 0 \* \* \*"/);
    expect(exitCode(report)).toBe(0);
    expect(formatTable(report)).toMatch(/PASSED: 6 ok, 0 failed/);
  }, 120_000);

  it('a bad setting is named in one configuration row, and nothing is called', async () => {
    const report = await runSmoke({ root, processEnv: { AZURE_OPENAI_TIMEOUT_MS: 'soon' }, emulator: true });
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({ id: 'config', outcome: 'failed' });
    expect(report.results[0]!.detail).toMatch(/AZURE_OPENAI_TIMEOUT_MS/);
    expect(exitCode(report)).toBe(1);
  }, 60_000);

  it('a wrong deployment fails its own row with the variable to fix and exit code 1; the other checks still run', async () => {
    const { code, stdout, stderr } = await cli({
      AZURE_OPENAI_CHAT_DEPLOYMENT: 'no-such-chat',
      // Set but empty: no image model, as after `azd up` with imageModel=none.
      AZURE_OPENAI_IMAGE_DEPLOYMENT: '',
    });
    expect(stderr, stderr).toMatch(/smoke: 6 checks against EMULATOR/);
    expect(code, stdout).toBe(1);
    const report = JSON.parse(stdout) as SmokeReport & { passed: boolean };
    expect(report.passed).toBe(false);
    const chat = row(report, 'chat');
    expect(chat.outcome).toBe('failed');
    expect(chat.detail).toMatch(/no deployment named "no-such-chat"/);
    expect(chat.fix).toMatch(/^set AZURE_OPENAI_CHAT_DEPLOYMENT to an existing/);
    expect(row(report, 'image')).toMatchObject({
      outcome: 'skipped',
      detail: 'skipped — no image model configured (charts drawn locally)',
    });
    for (const id of ['structured', 'realtime', 'storage', 'timer']) expect(row(report, id).outcome).toBe('ok');
  }, 150_000);
});
