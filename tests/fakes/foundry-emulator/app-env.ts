import type { FoundryEmulator } from './emulator';

/** App settings that point the app at an emulator with key auth (e2e, `npm run start:emulated`). */
export function emulatedAzureEnv(emulator: Pick<FoundryEmulator, 'url' | 'apiKey'>): Record<string, string> {
  return { AI_PROVIDER: 'azure', AZURE_OPENAI_ENDPOINT: emulator.url, AZURE_OPENAI_API_KEY: emulator.apiKey };
}
