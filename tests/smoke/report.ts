// The smoke's one table (or JSON): a row per capability with its outcome, latency, token usage and,
// for a failure, what to fix. Pure formatting: no I/O here, so the report is unit-testable.

export type Outcome = 'ok' | 'failed' | 'skipped';

/** Tokens as Azure reported them; reasoning tokens are part of `output` (Learn, how-to/reasoning). */
export interface TokenUsage {
  input: number;
  output: number;
  reasoning?: number;
  /** gpt-realtime: audio tokens inside `output`. */
  audio?: number;
  /** Requests that carried a usage object (a retry makes two). */
  requests: number;
}

export interface CheckResult {
  id: string;
  title: string;
  outcome: Outcome;
  latencyMs: number;
  usage?: TokenUsage;
  /** What was seen: the model, the tool called, the sizes … or why it failed. */
  detail: string;
  /** For a failure: the variable or Azure setting to change. */
  fix?: string;
}

export interface SmokeReport {
  target: 'azure' | 'emulator';
  /** One line naming what was tested (endpoint, auth, storage). */
  describe: string;
  results: CheckResult[];
  totalMs: number;
}

/** Any failure makes the run fail; skipped rows (no image model) do not. */
export function exitCode(report: SmokeReport): 0 | 1 {
  return report.results.some((r) => r.outcome === 'failed') ? 1 : 0;
}

const group = (n: number) => n.toLocaleString('en-US');

export function formatUsage(usage: TokenUsage | undefined): string {
  if (!usage) return '—';
  const extra = [
    usage.reasoning !== undefined ? `reasoning ${group(usage.reasoning)}` : '',
    usage.audio !== undefined ? `audio ${group(usage.audio)}` : '',
  ].filter(Boolean);
  return `in ${group(usage.input)} · out ${group(usage.output)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

export function formatLatency(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const MARK: Record<Outcome, string> = { ok: 'ok', failed: 'FAILED', skipped: 'skipped' };

/** A plain-text table that survives any terminal and CI log (no colours, no box drawing). */
export function formatTable(report: SmokeReport): string {
  const header = ['check', 'result', 'latency', 'tokens', 'detail'];
  const rows = report.results.map((r) => [
    r.title,
    MARK[r.outcome],
    r.outcome === 'skipped' ? '—' : formatLatency(r.latencyMs),
    formatUsage(r.usage),
    oneLine(r.detail),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  // The detail column is last and left ragged, so long messages never stretch the other columns.
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? header[i]!.length : w)))];
  report.results.forEach((r, i) => {
    out.push(line(rows[i]!));
    if (r.outcome === 'failed' && r.fix) out.push(`${' '.repeat(widths[0]! + 2)}→ fix: ${oneLine(r.fix)}`);
  });
  const failed = report.results.filter((r) => r.outcome === 'failed').length;
  const ok = report.results.filter((r) => r.outcome === 'ok').length;
  const skipped = report.results.length - failed - ok;
  const summary = `${ok} ok, ${failed} failed${skipped ? `, ${skipped} skipped` : ''} in ${formatLatency(report.totalMs)}`;
  return [
    `Presto-Change-O smoke — ${report.describe}`,
    '',
    ...out,
    '',
    failed ? `FAILED: ${summary}` : `PASSED: ${summary}`,
  ].join('\n');
}

export function formatJson(report: SmokeReport): string {
  return JSON.stringify({ ...report, passed: exitCode(report) === 0 }, null, 2);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
