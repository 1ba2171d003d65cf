import type { FoundryEmulator } from './emulator';

/**
 * App settings that point the app at an emulator with key auth (e2e, `npm run start:emulated`).
 * The image deployment is opt-in in the app (issue #11 item 1), so it is named here explicitly:
 * the emulated Azure paints chart images with its gpt-image-1-mini unless `imageDeployment: null`
 * asks for the "no image model deployed" set-up.
 */
export function emulatedAzureEnv(
  emulator: Pick<FoundryEmulator, 'url' | 'apiKey'>,
  options: { imageDeployment?: string | null } = {},
): Record<string, string> {
  const imageDeployment = options.imageDeployment === undefined ? 'gpt-image-1-mini' : options.imageDeployment;
  return {
    AI_PROVIDER: 'azure',
    AZURE_OPENAI_ENDPOINT: emulator.url,
    AZURE_OPENAI_API_KEY: emulator.apiKey,
    ...(imageDeployment ? { AZURE_OPENAI_IMAGE_DEPLOYMENT: imageDeployment } : {}),
  };
}
