import type { Mode, ModeSummary } from '../../contracts/mode';
import { airline } from './airline';
import { banking } from './banking';
import { energy } from './energy';
import { healthcare } from './healthcare';
import { insurance } from './insurance';
import { retail } from './retail';

/** In BUILTIN_MODE_IDS order, which is also the order the mode picker shows. */
export const BUILTIN_MODES: readonly Mode[] = [banking, insurance, healthcare, retail, airline, energy];

export function getBuiltinMode(id: string): Mode | undefined {
  return BUILTIN_MODES.find((m) => m.id === id);
}

export function toModeSummary(mode: Mode): ModeSummary {
  return {
    id: mode.id,
    name: mode.name,
    companyName: mode.companyName,
    source: mode.source,
    primaryColor: mode.theme.primary,
  };
}

export function builtinModeSummaries(): ModeSummary[] {
  return BUILTIN_MODES.map(toModeSummary);
}
