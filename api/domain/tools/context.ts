import type { JobKind, JobStatus } from '../../contracts/jobs';
import type { Mode, ModeSummary } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';
import type { ModeRequestOutcome } from '../modes/generation/request-mode';
import type { CreateChartImageRequest } from '../../contracts/charts';
import type { ChartRequestOutcome } from '../charts/request-chart';

/** Everything a tool may read: the current mode, its persona and the catalogue of modes. */
export interface ToolContext {
  mode: Mode;
  persona: Persona;
  modes: ModeCatalog;
  /** Returns a stored mode or starts generating one (issue #4); without it, only pre-built modes switch. */
  requestMode?: (request: { industry: string; companyName: string | null }) => Promise<ModeRequestOutcome>;
  /** A stored chart image or the job painting it (issue #6); without it, make_chart_image is unavailable. */
  requestChartImage?: (request: CreateChartImageRequest) => Promise<ChartRequestOutcome>;
}

/** Looks modes up; pre-built now, generated ones from Blob later. */
export interface ModeCatalog {
  get(id: string): Promise<Mode | undefined>;
  list(): Promise<ModeSummary[]>;
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
