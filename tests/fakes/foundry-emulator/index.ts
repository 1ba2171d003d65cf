export { startFoundryEmulator, type FoundryEmulator, type FoundryEmulatorOptions } from './emulator';
export {
  defaultDeployments,
  REASONING_REJECTS,
  type EmulatedDeployment,
  type RecordedRequest,
  type Route,
  type RouteContext,
  type ScriptedReply,
} from './types';
export type { JsonBrain } from './brain';
export { contentFilterError, type ImageEmulation, type ImageReply, type ImageRequestBody } from './image-generations';
export { emulatedAzureEnv } from './app-env';
