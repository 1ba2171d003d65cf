import type { JobBrand, JobKind, JobStatus } from '../../contracts/jobs';
import type { Mode, ModeSummary } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import type { GalleryEntry } from '../../contracts/gallery';
import type { ModeRequestOutcome } from '../modes/generation/request-mode';
import type { CreateChartImageRequest } from '../../contracts/charts';
import type { ToolError, ToolFailed, ToolName, ToolRan, ToolResult } from '../../contracts/tools';
import type { ChartRequestOutcome } from '../charts/request-chart';

/**
 * Everything a tool may use: the current mode, its persona, the catalogue of modes, and the two
 * starters of paid work — already billed to the caller by withBilling (api/http/with-billing.ts).
 */
export interface ToolContext {
  mode: Mode;
  persona: Persona;
  modes: ModeCatalog;
  /** Returns a stored mode or starts generating one (issue #4); without it, only pre-built modes switch. */
  requestMode?: (request: { industry: string; companyName: string | null }) => Promise<ModeRequestOutcome>;
  /** A stored chart image or the job painting it (issue #6); without it, make_chart_image is unavailable. */
  requestChartImage?: (request: CreateChartImageRequest) => Promise<ChartRequestOutcome>;
}

/** Who is looking at the list: a session sees its own not-yet-public modes too (docs/api.md "Moderation"). */
export interface ModeViewer {
  sessionId?: string;
}

/** Looks modes up: pre-built ones from code, generated ones from Blob. */
export interface ModeCatalog {
  /** Any mode by id, listed or not: whoever holds the id (a `?mode=` link) can open it. */
  get(id: string): Promise<Mode | undefined>;
  /** The gallery: pre-built and approved modes, plus the viewer's own pending and refused ones. */
  list(viewer?: ModeViewer): Promise<ModeSummary[]>;
  /** The same list, flagged when storage could not give the designed modes just now (GET /api/modes). */
  listing?(viewer?: ModeViewer): Promise<{ modes: ModeSummary[]; generatedUnavailable?: true }>;
}

/** The gallery's mutable side: who asked for a mode, and an operator's hide/unhide. */
export interface ModeGallery {
  /** Records that this session asked for the mode, so it stays in the session's own list until public. */
  claim(id: string, sessionId: string): Promise<void>;
  /** Hides a generated mode from every list, or approves it again; undefined when there is no such mode. */
  decide(id: string, moderation: 'hidden' | 'approved'): Promise<GalleryEntry | undefined>;
}

/** A background job a tool started or joined; the chat announces it with a `job` event. */
export interface ToolJob {
  jobId: string;
  kind: JobKind;
  status: JobStatus;
  /** The design's look, when the job already has one: the page paints it at once. */
  brand?: JobBrand;
}

/** A tool handler's answer: a result of its contract's shape (api/contracts/tools.ts), and its effects. */
export interface ToolDone<N extends ToolName> {
  ok: true;
  result: ToolResult<N>;
  /** The mode to switch the UI to, when the tool switched. */
  switchedTo?: Mode;
  job?: ToolJob;
}

/** A tool that refused or failed: the error the model sees and can recover from. */
export interface ToolRefusal {
  ok: false;
  result: ToolError;
}

/** What `execute` of the tool named N returns. */
export type ToolReturn<N extends ToolName> = ToolDone<N> | ToolRefusal;

/** runTool's answer: the run (what the model and the UI see, discriminated on `ok` then `name`) and its effects. */
export interface ToolOutcome<N extends ToolName = ToolName> {
  run: ToolRan<N> | ToolFailed;
  switchedTo?: Mode;
  job?: ToolJob;
}

export function toolError(code: string, message: string): ToolRefusal {
  return { ok: false, result: { error: { code, message } } };
}

/** A call that did not run (unknown tool, bad arguments, a limit), as an outcome the chat and voice report. */
export function failedRun<N extends ToolName = ToolName>(
  name: string,
  args: unknown,
  refusal: ToolRefusal,
): ToolOutcome<N> {
  return { run: { ok: false, name, args, result: refusal.result } };
}
