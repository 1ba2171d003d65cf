import { createContext } from 'preact';

/** Which mode and persona the dashboard shows: what POST /api/charts needs besides the datasets. */
export interface IllustrateTarget {
  modeId: string;
  personaSeed: number;
}

/** Provided by the dashboard; chart cards outside it (none today) offer no Illustrate button. */
export const IllustrateContext = createContext<IllustrateTarget | null>(null);
