import { SwitchModeArgs } from '../../contracts/tools';
import type { Clock } from '../ports';
import { toolError, type ToolOutcome, type ToolRefusal } from '../tools/context';
import { SlidingWindowLimiter } from './rate-limit';

/** Per session and instance. Generous for a live demo, tight enough to stop a scripted flood. */
export const TOOL_CALLS_PER_MINUTE = 30;
/**
 * A switch_mode that may start a generation (model cost: no pre-built fit, or a company variant) gets
 * its own, smaller budget on top of the daily generation limits. A switch to a pre-built mode costs
 * one chat turn and no model work, so it only counts against TOOL_CALLS_PER_MINUTE: a presenter can
 * run through a dozen industries in a minute.
 */
export const MODE_SWITCHES_PER_MINUTE = 6;
/** Arguments are stored truncated: enough to review abuse, never an unbounded write. */
export const AUDIT_ARGS_MAX_CHARS = 1000;

/** One line of `audit/<yyyy-mm-dd>/<sessionId>.jsonl` (docs/pitfalls.md 9.2). */
export interface AuditEntry {
  at: string;
  sessionId: string;
  modeId: string;
  tool: string;
  args: string;
  outcome: 'ok' | 'error' | 'refused';
  code?: string;
  jobId?: string;
}

/** Where audit entries go. `record` must not block the caller; `flush` waits for what is pending. */
export interface AuditSink {
  record(path: string, entry: AuditEntry): void;
  flush(): Promise<void>;
}

export function auditPath(at: Date, sessionId: string): string {
  return `audit/${at.toISOString().slice(0, 10)}/${sessionId}.jsonl`;
}

export interface ToolCall {
  sessionId: string;
  modeId: string;
  tool: string;
  args: unknown;
}

/**
 * True for a switch_mode that can reach mode generation: anything but a plain pre-built switch
 * (`builtin` set, no company name — see tools/switch-mode.ts). Unparseable arguments count as paid:
 * runTool refuses them anyway, and they must not slip past the tighter budget.
 */
function mayGenerate(call: ToolCall): boolean {
  if (call.tool !== 'switch_mode') return false;
  const args = SwitchModeArgs.safeParse(call.args);
  return !args.success || !args.data.builtin || args.data.company_name !== null;
}

/**
 * The gate every tool call passes, from chat and from voice: rate-limited per session before it
 * runs, and audit-logged (with its outcome) after. Argument validation against the current mode is
 * the tool registry's job (runTool); this adds who, when, how often and what happened.
 */
export class ToolGuard {
  private readonly all = new SlidingWindowLimiter(TOOL_CALLS_PER_MINUTE, 60_000);
  private readonly switches = new SlidingWindowLimiter(MODE_SWITCHES_PER_MINUTE, 60_000);

  constructor(
    private readonly audit: AuditSink,
    private readonly clock: Clock,
  ) {}

  /** undefined when the call may run; otherwise the tool error the model sees instead. */
  admit(call: ToolCall): ToolRefusal | undefined {
    const now = this.clock.now().getTime();
    const paid = mayGenerate(call);
    const verdict = paid ? this.switches.take(call.sessionId, now) : { ok: true as const };
    const overall = verdict.ok ? this.all.take(call.sessionId, now) : verdict;
    if (overall.ok) return undefined;
    const seconds = Math.ceil(overall.retryAfterMs / 1000);
    return toolError(
      'rate_limited',
      `Too many ${paid ? 'new modes requested' : 'actions'} in a short time; try again in ${seconds} s.`,
    );
  }

  /** Appends the call and its outcome to the session's audit log without waiting for storage. */
  record(call: ToolCall, outcome: ToolOutcome): void {
    const at = this.clock.now();
    const code = outcome.run.ok ? undefined : outcome.run.result.error.code;
    let args: string;
    try {
      args = JSON.stringify(call.args) ?? 'null';
    } catch {
      args = '"<unserialisable>"';
    }
    this.audit.record(auditPath(at, call.sessionId), {
      at: at.toISOString(),
      sessionId: call.sessionId,
      modeId: call.modeId,
      tool: call.tool.slice(0, 64),
      args: args.slice(0, AUDIT_ARGS_MAX_CHARS),
      outcome: code === 'rate_limited' ? 'refused' : code ? 'error' : 'ok',
      ...(code ? { code } : {}),
      ...(outcome.job ? { jobId: outcome.job.jobId } : {}),
    });
  }

  flush(): Promise<void> {
    return this.audit.flush();
  }
}
