/**
 * Regions that offer gpt-realtime / gpt-realtime-mini as Global Standard (Learn's model matrix,
 * MicrosoftDocs/azure-ai-docs `articles/foundry/openai/includes/model-matrix/standard-global-by-capability.md`,
 * 2026-02). The older how-to names only eastus2 and swedencentral (docs/pitfalls.md 2.3); the infra
 * restricts the AI account further (infra/main.bicep `aiLocation`), and a unit test keeps this list
 * equal to the one the infra test checks.
 */
export const GPT_REALTIME_REGIONS = [
  'canadacentral',
  'centralus',
  'eastus2',
  'francecentral',
  'southindia',
  'swedencentral',
] as const;

/** "East US 2" and "eastus2" are the same region; Azure's ARM names have no spaces or case. */
export function normaliseRegion(region: string): string {
  return region.toLowerCase().replace(/[\s_-]+/g, '');
}

/**
 * Why voice cannot work in this region, or undefined when it can (or the region is not configured:
 * then Azure's own 404 on the first call names the deployment, docs/pitfalls.md 10.2).
 */
export function realtimeRegionProblem(region: string | undefined): string | undefined {
  if (!region) return undefined;
  const name = normaliseRegion(region);
  if ((GPT_REALTIME_REGIONS as readonly string[]).includes(name)) return undefined;
  return `Voice needs a gpt-realtime deployment, which Azure does not offer in "${region}" (AZURE_OPENAI_REALTIME_REGION). Deploy it in one of: ${GPT_REALTIME_REGIONS.join(', ')}.`;
}
