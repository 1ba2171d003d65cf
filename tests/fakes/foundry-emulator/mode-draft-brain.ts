import { z } from 'zod';
import { OfflineModeGenerator } from '../../../api/adapters/offline/mode-generator';
import type { JsonBrain } from './brain';

const DesignRequest = z.object({ industry: z.string().min(1), companyName: z.string().nullable() });

/**
 * How the emulator "designs" a mode for the `mode_draft` schema (issue #4's structured generator):
 * it reads the request from the last user message and answers with the offline templates' draft, so
 * generated modes work end to end on the azure provider too. Tests can register another brain.
 */
export const modeDraftBrain: JsonBrain = async (request) => {
  const user = [...request.messages].reverse().find((m) => m.role === 'user');
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof user?.content === 'string' ? user.content : '');
  } catch {
    parsed = undefined;
  }
  const design = DesignRequest.safeParse(parsed);
  if (!design.success) return undefined;
  return new OfflineModeGenerator().generate(design.data);
};
