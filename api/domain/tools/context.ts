import type { Mode, ModeSummary } from '../../contracts/mode';
import type { Persona } from '../../contracts/persona';

/** Everything a tool may read: the current mode, its persona and the catalogue of modes. */
export interface ToolContext {
  mode: Mode;
  persona: Persona;
  modes: ModeCatalog;
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
}

export function toolError(code: string, message: string): ToolOutcome {
  return { result: { error: { code, message } } };
}
