import type { ModeBrandDraft, ModeGenerationRequest } from '../../../contracts/generated-mode';
import type { Clock, DocumentStore } from '../../ports';
import type { ModeCatalog } from '../../tools/context';
import { designableRequest } from './designable';
import { builtinFor } from '../industry-phrases';
import { isStale, readJob } from './job';
import { isBuiltinId, modeKey } from './key';
import type { SpeculativeBrands } from './speculative-brands';

/** A mode command as the words say it ("…you're a veterinary clinic called Happy Paws"). */
export interface SpokenCommand {
  industry: string;
  companyName: string | null;
}

export interface BrandSpeculationDeps {
  drafts: SpeculativeBrands;
  designBrand(request: ModeGenerationRequest, log?: (line: string) => void): Promise<ModeBrandDraft>;
  modes: ModeCatalog;
  store: DocumentStore;
  clock: Clock;
  log?: (line: string) => void;
}

/**
 * Starts the brand call of a new industry on the words of the command, while the chat model is
 * still on its way to `switch_mode` (issue #12), and keeps the draft for the run that call creates
 * (request-mode.ts takes it by key). Only where a run would design a brand: no pre-built fit and no
 * company variant of one, no stored mode, no live job, and the caller with a generation left
 * (`mayStart` checks, never charges: only the caller who starts the job pays, as before).
 * Returns the key it started for. Never throws and never delays the chat: the checks run inside.
 */
export function speculateBrand(
  command: SpokenCommand | null,
  mayStart: () => boolean,
  deps: BrandSpeculationDeps,
): string | undefined {
  if (!command) return undefined;
  let request: ModeGenerationRequest;
  try {
    const { industry, companyName } = designableRequest(command);
    request = { industry, companyName };
  } catch {
    return undefined; // words the tool would refuse too
  }
  if (builtinFor(request.industry)) return undefined;
  const key = modeKey(request.industry, request.companyName);
  if (!key || isBuiltinId(key) || deps.drafts.has(key) || !mayStart()) return undefined;
  const started = deps.drafts.start(key, async () => {
    if (await deps.modes.get(key)) return undefined;
    const job = (await readJob(deps.store, key))?.job;
    const live = job && (job.status === 'queued' || job.status === 'running') && !isStale(job, deps.clock.now());
    if (live) return undefined;
    deps.log?.(`mode-brand: speculative brand call for ${key} (on the words, before the tool call)`);
    // Its usage line is logged like every model call's: a wasted one is visible in tokens too.
    return deps.designBrand(request, deps.log);
  });
  return started ? key : undefined;
}
