import { z } from 'zod';
import { OfflineModeGenerator } from '../../../api/adapters/offline/mode-generator';
import { brandOf, type ModeDetailsDraft } from '../../../api/contracts/generated-mode';
import type { ChatRequestBody } from './types';
import type { JsonBrain } from './brain';

const DesignRequest = z.object({ industry: z.string().min(1), companyName: z.string().nullable() });
const DetailsRequest = DesignRequest.extend({
  brand: z.object({ tabs: z.array(z.object({ id: z.string() })).length(5) }),
});

function lastUserJson(request: ChatRequestBody): unknown {
  const user = [...request.messages].reverse().find((m) => m.role === 'user');
  try {
    return JSON.parse(typeof user?.content === 'string' ? user.content : '');
  } catch {
    return undefined;
  }
}

const templates = new OfflineModeGenerator();

/**
 * How the emulator "designs" a mode for the `mode_draft` schema (issue #4's structured generator):
 * it reads the request from the last user message and answers with the offline templates' draft, so
 * generated modes work end to end on the azure provider too. Tests can register another brain.
 */
export const modeDraftBrain: JsonBrain = async (request) => {
  const design = DesignRequest.safeParse(lastUserJson(request));
  return design.success ? templates.draft(design.data) : undefined;
};

/** The brand step of a two-step design (`mode_brand`, issue #12): the same templates' name, colour and tabs. */
export const modeBrandBrain: JsonBrain = async (request) => {
  const design = DesignRequest.safeParse(lastUserJson(request));
  return design.success ? brandOf(templates.draft(design.data)) : undefined;
};

/** The details step (`mode_details`): the rest of the same draft, its datasets assigned to the brand's tab ids. */
export const modeDetailsBrain: JsonBrain = async (request) => {
  const design = DetailsRequest.safeParse(lastUserJson(request));
  if (!design.success) return undefined;
  const {
    industryName: _i,
    companyName: _c,
    tagline: _t,
    primaryColor: _p,
    tabs,
    ...rest
  } = templates.draft(design.data);
  const details: ModeDetailsDraft = {
    ...rest,
    tabs: design.data.brand.tabs.map((t, i) => ({ id: t.id, datasetIds: tabs[i]!.datasetIds })),
  };
  return details;
};
