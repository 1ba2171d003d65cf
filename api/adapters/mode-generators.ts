import type { Config } from '../config';
import { ConfigError } from '../config';
import type { ModeGenerator, StructuredModel } from '../domain/ports';
import type { OfflineModeGenerator } from './offline/mode-generator';
import { FaultInjectingModeGenerator, parseFaults } from './fault-injection';
import { StructuredModeGenerator } from './structured-mode-generator';

/**
 * The ModeGenerator for the configured provider: azure designs modes with the structured
 * deployment (through the StructuredModel port, issue #3), offline with templates. The azure
 * provider without a StructuredModel is refused loudly rather than quietly designing offline.
 * Test-only fault injection wraps either when PRESTO_FAULT_INJECTION is set.
 */
export function createModeGenerator(config: Config, structuredModel: StructuredModel | undefined): ModeGenerator {
  if (config.provider === 'azure' && !structuredModel) {
    throw new ConfigError(
      'AI_PROVIDER=azure needs the structured-output adapter (StructuredModel, issue #3) to design new modes.',
    );
  }
  const base =
    config.provider === 'azure' && structuredModel
      ? new StructuredModeGenerator(structuredModel, config.PRESTO_MODE_DESIGN)
      : lazyOfflineModeGenerator();
  const faults = parseFaults(config.PRESTO_FAULT_INJECTION);
  return faults.length > 0 ? new FaultInjectingModeGenerator(base, faults) : base;
}

/**
 * The offline designer, loaded on its first design: its industry families are loaded by every
 * function at start otherwise, and no chat turn needs them (`npm run bench`, cold start).
 */
function lazyOfflineModeGenerator(): ModeGenerator {
  let generator: Promise<OfflineModeGenerator> | undefined;
  const load = () => (generator ??= import('./offline/mode-generator').then((m) => new m.OfflineModeGenerator()));
  return {
    name: 'offline-templates',
    async generate(request, progress) {
      return (await load()).generate(request, progress);
    },
    // The brand step in the request (issue #12) needs it too: without it the worker designs the brand.
    async designBrand(request) {
      return (await load()).designBrand(request);
    },
  };
}
