import type { JobKind, JobStatus } from '../../contracts/jobs';
import type { Mode, ModeSummary } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import type { GalleryEntry } from '../../contracts/gallery';
import type { ModeRequestOutcome } from '../modes/generation/request-mode';
import type { CreateChartImageRequest } from '../../contracts/charts';
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

/** A tool's outcome: the JSON the model sees, and a mode to switch the UI to when it switched. */
export interface ToolOutcome {
  result: unknown;
  switchedTo?: Mode;
  /** A background job the tool started or joined; the chat announces it with a `job` event. */
  job?: { jobId: string; kind: JobKind; status: JobStatus };
}

export function toolError(code: string, message: string): ToolOutcome {
  return { result: { error: { code, message } } };
}
